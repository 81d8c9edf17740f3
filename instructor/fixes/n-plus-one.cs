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
        // One round trip for all ids: the users joined with their orders.
        var rows = await db.Query(
            $"""
            SELECT u.id, u.name, u.email, u.country, u.created_at, o.id, o.amount_cents, o.status, o.created_at
            FROM users u LEFT JOIN orders o ON o.user_id = u.id
            WHERE u.id IN ({Sql.Parameters(ids.Count)})
            ORDER BY u.id, o.id
            """,
            r => (User: ReadUser(r), Order: r.IsDBNull(5) ? null : new OrderView(r.GetInt64(5), r.GetInt64(6), r.GetString(7), r.GetString(8))),
            ct,
            [.. ids.Cast<object>()]);

        var byId = new Dictionary<long, UserView>();
        foreach (var (user, order) in rows)
        {
            if (!byId.TryGetValue(user.Id, out var view))
            {
                byId[user.Id] = view = user;
            }

            if (order is not null)
            {
                view.Orders.Add(order);
            }
        }

        // The order the ids were asked in, not the database's.
        return [.. ids.Where(byId.ContainsKey).Select(id => byId[id])];
    }

    private static UserView ReadUser(DbDataReader r) =>
        new(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), []);
}
