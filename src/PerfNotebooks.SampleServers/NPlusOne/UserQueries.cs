using System.Data.Common;
using PerfNotebooks.SampleServers.Database;

namespace PerfNotebooks.SampleServers.NPlusOne;

internal sealed record OrderView(long Id, long AmountCents, string Status, string CreatedAt);

internal sealed record UserView(long Id, string Name, string Email, string Country, string CreatedAt, List<OrderView> Orders);

/// <summary>Fetches users with their orders: one round trip per user and per user's orders (bug), or one in all (fix).</summary>
internal static class UserQueries
{
    /// <summary>THE BUG: 1 query per user plus 1 per user's orders: 2N round trips, each paying the network latency.</summary>
    public static async Task<List<UserView>> OneByOne(DbSession db, IReadOnlyList<long> ids, CancellationToken ct)
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

    /// <summary>THE FIX: one round trip: the users and their orders joined, for all ids at once.</summary>
    public static async Task<List<UserView>> Batched(DbSession db, IReadOnlyList<long> ids, CancellationToken ct)
    {
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

        // Same order as asked, like the one-by-one version.
        return [.. ids.Where(byId.ContainsKey).Select(id => byId[id])];
    }

    private static UserView ReadUser(DbDataReader r) =>
        new(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), []);

    private static OrderView ReadOrder(DbDataReader r) => new(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3));
}
