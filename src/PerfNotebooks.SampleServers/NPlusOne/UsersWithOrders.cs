using System.Data.Common;
using PerfNotebooks.SampleServers.Database;

namespace PerfNotebooks.SampleServers.NPlusOne;

/// <summary>
/// GET /users?ids=1,2,3 answers with these users and their orders, in the order the ids were asked for.
/// Ids are already parsed: at most 1,000, each positive, no duplicates. Ids with no user are left out.
/// Each user's orders are sorted by order id; a user with no orders has an empty list.
/// </summary>
internal static class UsersWithOrders
{
    public static async Task<List<UserView>> Load(DbSession db, IReadOnlyList<long> ids, CancellationToken ct)
    {
        var users = new List<UserView>();
        foreach (var id in ids)
        {
            var found = await db.Query(
                "SELECT id, name, email, country, created_at FROM users WHERE id = @p0", ReadUser, ct, id);
            if (found.Count == 0)
            {
                continue;
            }

            var orders = await db.Query(
                "SELECT id, amount_cents, status, created_at FROM orders WHERE user_id = @p0 ORDER BY id", ReadOrder, ct, id);
            found[0].Orders.AddRange(orders);
            users.Add(found[0]);
        }

        return users;
    }

    private static UserView ReadUser(DbDataReader r) =>
        new(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), []);

    private static OrderView ReadOrder(DbDataReader r) => new(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3));
}
