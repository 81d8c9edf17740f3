using System.Data.Common;
using PerfNotebooks.SampleServers.Database;

namespace PerfNotebooks.SampleServers.NPlusOne;

// A learner's correct fix: one query per table, each with an IN list, stitched together in memory.
internal static class UsersWithOrders
{
    public static async Task<List<UserView>> Load(DbSession db, IReadOnlyList<long> ids, CancellationToken ct)
    {
        var args = ids.Cast<object>().ToArray();
        var users = await db.Query(
            $"SELECT id, name, email, country, created_at FROM users WHERE id IN ({Sql.Parameters(ids.Count)})", ReadUser, ct, args);
        var orders = await db.Query(
            $"SELECT user_id, id, amount_cents, status, created_at FROM orders WHERE user_id IN ({Sql.Parameters(ids.Count)}) ORDER BY id",
            r => (UserId: r.GetInt64(0), Order: new OrderView(r.GetInt64(1), r.GetInt64(2), r.GetString(3), r.GetString(4))),
            ct,
            args);
        var byUser = orders.ToLookup(o => o.UserId, o => o.Order);
        var byId = users.ToDictionary(u => u.Id);
        var result = new List<UserView>();
        foreach (var id in ids)
        {
            if (byId.TryGetValue(id, out var user))
            {
                user.Orders.AddRange(byUser[id]);
                result.Add(user);
            }
        }

        return result;
    }

    private static UserView ReadUser(DbDataReader r) =>
        new(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), []);
}
