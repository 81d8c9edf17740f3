namespace PerfNotebooks.SampleServers.NPlusOne;

internal sealed record OrderView(long Id, long AmountCents, string Status, string CreatedAt);

internal sealed record UserView(long Id, string Name, string Email, string Country, string CreatedAt, List<OrderView> Orders);
