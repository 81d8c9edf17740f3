using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace PerfNotebooks.Load.Epoll;

/// <summary>
/// The few libc calls the epoll engine makes: nonblocking TCP sockets and one epoll set per loop thread. Blittable
/// arguments only (spans passed by reference to their first byte), so plain DllImport needs no unsafe code.
/// </summary>
internal static class LinuxSockets
{
    public const int EAGAIN = 11;
    public const int EINTR = 4;
    public const int EINPROGRESS = 115;

    public const uint EPOLLIN = 0x001;
    public const uint EPOLLOUT = 0x004;
    public const uint EPOLLERR = 0x008;
    public const uint EPOLLHUP = 0x010;
    public const uint EPOLLRDHUP = 0x2000;
    public const uint EPOLLET = 1u << 31;

    private const int SOCK_STREAM = 1;
    private const int SOCK_NONBLOCK = 0x800;
    private const int SOCK_CLOEXEC = 0x80000;
    private const int IPPROTO_TCP = 6;
    private const int TCP_NODELAY = 1;
    private const int SOL_SOCKET = 1;
    private const int SO_ERROR = 4;
    private const int MSG_NOSIGNAL = 0x4000;
    private const int EPOLL_CTL_ADD = 1;
    private const int EPOLL_CLOEXEC = 0x80000;

    /// <summary>The layouts below are x86-64's (its epoll_event is packed); elsewhere the engine is not offered.</summary>
    public static bool Available => OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture == Architecture.X64;

    public static int LastError => Marshal.GetLastPInvokeError();

    /// <summary>A nonblocking socket with Nagle off, its connect started; -1 and the errno when it could not begin.</summary>
    public static int Connect(IPEndPoint endPoint, out int error)
    {
        var family = endPoint.AddressFamily == AddressFamily.InterNetworkV6 ? 10 : 2;
        var fd = socket(family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (fd < 0)
        {
            error = LastError;
            return -1;
        }

        var one = 1;
        _ = setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, ref one, sizeof(int));
        var address = SocketAddress(endPoint);
        if (connect(fd, ref address[0], address.Length) != 0 && (error = LastError) != EINPROGRESS)
        {
            _ = close(fd);
            return -1;
        }

        error = 0;
        return fd;
    }

    /// <summary>The connect's outcome once the socket is writable: 0, or the errno it failed with.</summary>
    public static int ConnectError(int fd)
    {
        var value = 0;
        var length = sizeof(int);
        return getsockopt(fd, SOL_SOCKET, SO_ERROR, ref value, ref length) == 0 ? value : LastError;
    }

    public static nint Send(int fd, ReadOnlySpan<byte> bytes) => send(fd, ref MemoryMarshal.GetReference(bytes), bytes.Length, MSG_NOSIGNAL);

    public static nint Receive(int fd, Span<byte> into) => recv(fd, ref MemoryMarshal.GetReference(into), into.Length, 0);

    public static void Close(int fd) => _ = close(fd);

    public static int CreateEpoll() => epoll_create1(EPOLL_CLOEXEC);

    /// <summary>Registers <paramref name="fd"/> once, edge-triggered for reading and writing, tagged with <paramref name="token"/>.</summary>
    public static int Watch(int epoll, int fd, ulong token)
    {
        var e = new EpollEvent { Events = EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET, Data = token };
        return epoll_ctl(epoll, EPOLL_CTL_ADD, fd, ref e);
    }

    public static int Wait(int epoll, EpollEvent[] events, int timeoutMs) => epoll_wait(epoll, ref events[0], events.Length, timeoutMs);

    // struct sockaddr_in / sockaddr_in6, port in network order.
    private static byte[] SocketAddress(IPEndPoint endPoint)
    {
        var v6 = endPoint.AddressFamily == AddressFamily.InterNetworkV6;
        var address = new byte[v6 ? 28 : 16];
        BitConverter.TryWriteBytes(address.AsSpan(0, 2), (ushort)(v6 ? 10 : 2));
        address[2] = (byte)(endPoint.Port >> 8);
        address[3] = (byte)endPoint.Port;
        endPoint.Address.TryWriteBytes(address.AsSpan(v6 ? 8 : 4), out _);
        if (v6)
        {
            BitConverter.TryWriteBytes(address.AsSpan(24, 4), (uint)endPoint.Address.ScopeId);
        }

        return address;
    }

    /// <summary>x86-64's packed struct epoll_event: 4 bytes of events, 8 of data.</summary>
    [StructLayout(LayoutKind.Sequential, Pack = 1)]
    public struct EpollEvent
    {
        public uint Events;
        public ulong Data;
    }

#pragma warning disable SYSLIB1054, CA5392, IDE1006 // libc's own names; blittable DllImport (LibraryImport would need unsafe code)
    [DllImport("libc", SetLastError = true)]
    private static extern int socket(int domain, int type, int protocol);

    [DllImport("libc", SetLastError = true)]
    private static extern int connect(int fd, ref byte address, int length);

    [DllImport("libc", SetLastError = true)]
    private static extern int setsockopt(int fd, int level, int name, ref int value, int length);

    [DllImport("libc", SetLastError = true)]
    private static extern int getsockopt(int fd, int level, int name, ref int value, ref int length);

    [DllImport("libc", SetLastError = true)]
    private static extern nint send(int fd, ref byte buffer, nint length, int flags);

    [DllImport("libc", SetLastError = true)]
    private static extern nint recv(int fd, ref byte buffer, nint length, int flags);

    [DllImport("libc", SetLastError = true)]
    private static extern int close(int fd);

    [DllImport("libc", SetLastError = true)]
    private static extern int epoll_create1(int flags);

    [DllImport("libc", SetLastError = true)]
    private static extern int epoll_ctl(int epoll, int op, int fd, ref EpollEvent e);

    [DllImport("libc", SetLastError = true)]
    private static extern int epoll_wait(int epoll, ref EpollEvent events, int max, int timeoutMs);
#pragma warning restore SYSLIB1054, CA5392, IDE1006
}
