using PerfNotebooks.SampleServers.Database;

namespace PerfNotebooks.SampleServers.NPlusOne;

// A learner's correct fix: one LEFT JOIN, grouped with LINQ, put back in the asked order.
internal static class UsersWithOrders
{
    public static async Task<List<UserView>> Load(DbSession db, IReadOnlyList<long> ids, CancellationToken ct)
    {
        var rows = await db.Query(
            $"""
            SELECT u.id, u.name, u.email, u.country, u.created_at, o.id, o.amount_cents, o.status, o.created_at
            FROM users u LEFT JOIN orders o ON o.user_id = u.id
            WHERE u.id IN ({Sql.Parameters(ids.Count)})
            """,
            r => (Id: r.GetInt64(0), Name: r.GetString(1), Email: r.GetString(2), Country: r.GetString(3), Created: r.GetString(4),
                Order: r.IsDBNull(5) ? null : new OrderView(r.GetInt64(5), r.GetInt64(6), r.GetString(7), r.GetString(8))),
            ct,
            [.. ids.Cast<object>()]);
        var users = rows.GroupBy(r => r.Id).ToDictionary(
            g => g.Key,
            g => new UserView(g.Key, g.First().Name, g.First().Email, g.First().Country, g.First().Created,
                [.. g.Where(r => r.Order is not null).Select(r => r.Order!).OrderBy(o => o.Id)]));
        return [.. ids.Where(users.ContainsKey).Select(id => users[id])];
    }
}
