using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text;
using PerfNotebooks.Servers;

namespace PerfNotebooks.Profiling.Lines;

/// <summary>
/// The portable PDBs of the traced process's modules: a method token and IL offset become a file and line. A
/// module's PDB is embedded in its file or beside it; an exercise version a sample server compiled in memory is
/// found by its PDB id in the folder the server keeps (<see cref="ExerciseSymbols"/>).
/// </summary>
internal sealed class LineSymbols(int pid) : IDisposable
{
    private static readonly Guid EmbeddedSourceKind = new("0E8A571B-6926-466E-B4AD-8AB04611F5FE");

    private readonly Dictionary<NativeCodeMap.Module, Pdb?> _pdbs = [];

    /// <summary>The text of each file a line was found in, from the PDB (embedded source) or the disk, by file name.</summary>
    public Dictionary<string, string> Texts { get; } = new(StringComparer.Ordinal);

    /// <summary>The file name and line of IL offset <paramref name="ilOffset"/> of method <paramref name="token"/>, or null.</summary>
    public (string File, int Line)? Find(NativeCodeMap.Module module, int token, int ilOffset)
    {
        if (!_pdbs.TryGetValue(module, out var pdb))
        {
            _pdbs[module] = pdb = Open(module);
        }

        if (pdb is null || (token >> 24) != 0x06)
        {
            return null;
        }

        var reader = pdb.Reader;
        var row = token & 0xFFFFFF;
        if (row <= 0 || row > reader.MethodDebugInformation.Count)
        {
            return null;
        }

        var info = reader.GetMethodDebugInformation(MetadataTokens.MethodDebugInformationHandle(row));
        SequencePoint? at = null;
        foreach (var point in info.GetSequencePoints())
        {
            if (point.Offset > ilOffset)
            {
                break;
            }

            if (!point.IsHidden)
            {
                at = point;
            }
        }

        if (at is not { } found)
        {
            return null;
        }

        var document = reader.GetDocument(found.Document);
        var path = reader.GetString(document.Name);
        var file = Path.GetFileName(path);
        if (!Texts.ContainsKey(file) && Text(reader, found.Document, path) is { } text)
        {
            Texts[file] = text;
        }

        return (file, found.StartLine);
    }

    public void Dispose()
    {
        foreach (var pdb in _pdbs.Values)
        {
            pdb?.Dispose();
        }
    }

    private Pdb? Open(NativeCodeMap.Module module)
    {
        try
        {
            if (module.Path.Length > 0 && File.Exists(module.Path))
            {
                return Pdb.FromAssembly(module.Path, module.PdbId) ?? Pdb.FromFile(Path.ChangeExtension(module.Path, ".pdb"), module.PdbId);
            }

            return pid > 0 && module.PdbId != Guid.Empty && File.Exists(ExerciseSymbols.File(pid, module.PdbId))
                ? Pdb.FromAssembly(ExerciseSymbols.File(pid, module.PdbId), module.PdbId)
                : null;
        }
        catch (Exception e) when (e is IOException or BadImageFormatException or UnauthorizedAccessException or InvalidOperationException)
        {
            // A module without readable symbols still has its methods named; only its lines are missing.
            return null;
        }
    }

    // Embedded source (what was compiled, even if the file changed since), else the file on disk if it is still there.
    private static string? Text(MetadataReader reader, DocumentHandle document, string path)
    {
        foreach (var handle in reader.GetCustomDebugInformation(document))
        {
            var info = reader.GetCustomDebugInformation(handle);
            if (reader.GetGuid(info.Kind) != EmbeddedSourceKind)
            {
                continue;
            }

            var blob = reader.GetBlobBytes(info.Value);
            var format = BitConverter.ToInt32(blob, 0);
            if (format == 0)
            {
                return Encoding.UTF8.GetString(blob, 4, blob.Length - 4);
            }

            using var inflate = new DeflateStream(new MemoryStream(blob, 4, blob.Length - 4), CompressionMode.Decompress);
            using var text = new StreamReader(inflate, Encoding.UTF8);
            return text.ReadToEnd();
        }

        return File.Exists(path) ? File.ReadAllText(path) : null;
    }

    private sealed class Pdb(MetadataReaderProvider provider, IDisposable? owner) : IDisposable
    {
        public MetadataReader Reader { get; } = provider.GetMetadataReader();

        public static Pdb? FromAssembly(string path, Guid pdbId)
        {
            var pe = new PEReader(File.OpenRead(path));
            var entries = pe.ReadDebugDirectory();
            var embedded = entries.FirstOrDefault(e => e.Type == DebugDirectoryEntryType.EmbeddedPortablePdb);
            var codeView = entries.FirstOrDefault(e => e.Type == DebugDirectoryEntryType.CodeView);
            if (embedded.DataSize == 0 || (pdbId != Guid.Empty && codeView.DataSize > 0 && pe.ReadCodeViewDebugDirectoryData(codeView).Guid != pdbId))
            {
                pe.Dispose();
                return null;
            }

            return new Pdb(pe.ReadEmbeddedPortablePdbDebugDirectoryData(embedded), pe);
        }

        public static Pdb? FromFile(string path, Guid pdbId)
        {
            if (!File.Exists(path))
            {
                return null;
            }

            var provider = MetadataReaderProvider.FromPortablePdbStream(File.OpenRead(path));
            var reader = provider.GetMetadataReader();
            // The PDB id's first 16 bytes are the GUID the module's CodeView entry names: a stale PDB would mislabel lines.
            if (pdbId != Guid.Empty && new Guid(reader.DebugMetadataHeader!.Id.AsSpan(0, 16)) != pdbId)
            {
                provider.Dispose();
                return null;
            }

            return new Pdb(provider, null);
        }

        public void Dispose()
        {
            provider.Dispose();
            owner?.Dispose();
        }
    }
}
