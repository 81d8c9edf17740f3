namespace PerfNotebooks.SampleServers.AllocationHeavy;

internal sealed record CsvRow(long Id, long UserId, long AmountCents, string Status, string CreatedAt);
