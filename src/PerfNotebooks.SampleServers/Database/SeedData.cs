using System.Globalization;

namespace PerfNotebooks.SampleServers.Database;

internal sealed record User(long Id, string Name, string Email, string Country, string CreatedAt);

internal sealed record Order(long Id, long UserId, long AmountCents, string Status, string CreatedAt);

/// <summary>
/// Realistic-looking users and orders, the same on every start (fixed seed) so runs and databases compare.
/// Order counts per user are skewed (most have a few, some many) as in a real shop.
/// </summary>
internal static class SeedData
{
    public const int UserCount = 5_000;

    private static readonly string[] FirstNames =
        ["Ada", "Alan", "Grace", "Linus", "Barbara", "Ken", "Margaret", "Dennis", "Frances", "Edsger", "Radia", "Bjarne",
         "Sophie", "Tim", "Hedy", "John", "Katherine", "Guido", "Anita", "Donald", "Shafi", "Niklaus", "Jean", "Leslie"];

    private static readonly string[] LastNames =
        ["Lovelace", "Turing", "Hopper", "Torvalds", "Liskov", "Thompson", "Hamilton", "Ritchie", "Allen", "Dijkstra",
         "Perlman", "Stroustrup", "Wilson", "Berners-Lee", "Lamarr", "McCarthy", "Johnson", "van Rossum", "Borg", "Knuth"];

    private static readonly string[] Countries = ["US", "DE", "FR", "GB", "IN", "BR", "JP", "NG", "PL", "CA", "AU", "SE"];

    private static readonly string[] Statuses = ["paid", "paid", "paid", "shipped", "shipped", "refunded", "pending"];

    public static (IReadOnlyList<User> Users, IReadOnlyList<Order> Orders) Generate()
    {
        var random = new Random(20241128);
        var start = new DateTime(2023, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var users = new List<User>(UserCount);
        var orders = new List<Order>(UserCount * 5);
        for (long id = 1; id <= UserCount; id++)
        {
            var first = FirstNames[random.Next(FirstNames.Length)];
            var last = LastNames[random.Next(LastNames.Length)];
            var joined = start.AddMinutes(random.Next(0, 365 * 24 * 60));
            users.Add(new User(
                id,
                $"{first} {last}",
                $"{first}.{last.Replace(" ", "", StringComparison.Ordinal)}{id}@example.com".ToLowerInvariant(),
                Countries[random.Next(Countries.Length)],
                joined.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)));

            // Skewed: mostly 0-6 orders, one user in ten is a heavy buyer with up to 30.
            var count = random.Next(10) == 0 ? random.Next(10, 31) : random.Next(0, 7);
            for (var k = 0; k < count; k++)
            {
                orders.Add(new Order(
                    orders.Count + 1,
                    id,
                    random.Next(199, 49_999),
                    Statuses[random.Next(Statuses.Length)],
                    joined.AddHours(random.Next(1, 24 * 200)).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)));
            }
        }

        return (users, orders);
    }
}
