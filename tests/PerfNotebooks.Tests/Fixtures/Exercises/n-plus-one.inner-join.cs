using PerfNotebooks.SampleServers.Database;

namespace PerfNotebooks.SampleServers.NPlusOne;

// A learner's fast but wrong fix: an INNER JOIN loses the users who have no orders.
internal static class UsersWithOrders
{
    public static async Task<List<UserView>> Load(DbSession db, IReadOnlyList<long> ids, CancellationToken ct)
    {
        var rows = await db.Query(
            $"""
            SELECT u.id, u.name, u.email, u.country, u.created_at, o.id, o.amount_cents, o.status, o.created_at
            FROM users u JOIN orders o ON o.user_id = u.id
            WHERE u.id IN ({Sql.Parameters(ids.Count)})
            ORDER BY o.id
            """,
            r => (User: new UserView(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), []),
                Order: new OrderView(r.GetInt64(5), r.GetInt64(6), r.GetString(7), r.GetString(8))),
            ct,
            [.. ids.Cast<object>()]);
        var users = new Dictionary<long, UserView>();
        foreach (var (user, order) in rows)
        {
            if (!users.TryGetValue(user.Id, out var view))
            {
                users[user.Id] = view = user;
            }

            view.Orders.Add(order);
        }

        return [.. ids.Where(users.ContainsKey).Select(id => users[id])];
    }
}
