using System.Globalization;

namespace PerfNotebooks.Workbooks.Exercises;

/// <summary>GET /users?ids=...: same users, orders and order as the reference, in a fixed number of queries.</summary>
internal sealed class NPlusOneSpec : ExerciseSpec
{
    private const int MaxIds = 1000;
    private const int SeededUsers = 5000;
    private const int QueryBudget = 4;

    public override string Scenario => "n-plus-one";

    public override IEnumerable<string> Inputs(Random random)
    {
        yield return Users(7);
        yield return Users(5, 5, 3, 5, 3);                       // repeated ids
        yield return Users(999_999, 4, 888_888, SeededUsers + 1); // unknown ids among known ones
        yield return Users(999_999);                             // nothing found
        yield return Users([.. Enumerable.Range(1, 30).Reverse()]); // asked order is not id order
        yield return Users([.. Enumerable.Range(SeededUsers - 300, 301)]); // high ids: many users have no orders there
        yield return Users([.. Enumerable.Range(0, MaxIds).Select(_ => random.Next(1, SeededUsers + 200))]); // the most ids allowed
        for (var i = 0; i < 25; i++)
        {
            yield return Users([.. Enumerable.Range(0, random.Next(1, 60)).Select(_ => random.Next(1, SeededUsers + 100))]);
        }
    }

    public override async Task<(bool Fast, string Detail)> Performance(ExerciseProbe probe, CancellationToken ct)
    {
        var one = (await probe.Get(Users(42), reference: false, ct)).Queries;
        var most = (await probe.Get(Users([.. Enumerable.Range(1, MaxIds)]), reference: false, ct)).Queries;
        return (most <= QueryBudget && one <= QueryBudget,
            $"{one} database {(one == 1 ? "query" : "queries")} for 1 id, {most} for {MaxIds} ids (a fixed number is at most {QueryBudget}, whatever the count)");
    }

    private static string Users(params int[] ids) => "/users?ids=" + string.Join(',', ids.Select(i => i.ToString(CultureInfo.InvariantCulture)));
}
