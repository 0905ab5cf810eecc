using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Crossdock.Tests.Support;

/// <summary>
/// An HTTP request as the loopback server read it: the head at once, the body only when the handler asks for it
/// (so that a handler can drop the connection before reading an upload).
/// </summary>
public sealed class HttpRequestData(string method, string path, IReadOnlyDictionary<string, string> headers, Func<Task<byte[]>> readBody)
{
    public string Method => method;

    public string Path => path;

    public string? Header(string name) => headers.GetValueOrDefault(name);

    public Task<byte[]> ReadBodyAsync() => readBody();
}

/// <summary>What to answer: a response, or <see cref="Reset"/> to drop the connection with a TCP RST instead.</summary>
public sealed record HttpResponseData(int Status, string Reason, string ContentType, byte[] Body, string? Location = null)
{
    public static HttpResponseData Reset { get; } = new(0, "", "", []);
}

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 (a free port) over raw sockets, one request per connection
/// (<c>Connection: close</c>). HttpListener cannot stand in: on Linux its Abort() still sends a 200, and a test
/// of retries needs a real connection reset, which this sends (linger 0) when the handler says
/// <see cref="HttpResponseData.Reset"/>. The handler may also reset before the body is read
/// (<paramref name="resetBeforeBody"/>), as a proxy dropping an upload midway would.
/// </summary>
public sealed class LoopbackHttpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<HttpRequestData, Task<HttpResponseData>> _handler;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;

    public LoopbackHttpServer(Func<HttpRequestData, Task<HttpResponseData>> handler)
    {
        _handler = handler;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _serving = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            _serving.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // stopping
        }
        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = Task.Run(() => ServeConnectionAsync(socket));
        }
    }

    private async Task ServeConnectionAsync(Socket socket)
    {
        using var _ = socket;
        try
        {
            using var stream = new NetworkStream(socket, ownsSocket: false);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            timeout.CancelAfter(TimeSpan.FromMinutes(2));
            var (head, leftover) = await ReadHeadAsync(stream, timeout.Token);
            if (head is null) return;
            var lines = head.Split("\r\n");
            var requestLine = lines[0].Split(' ');
            var headers = lines.Skip(1).Select(l => l.Split(':', 2)).Where(p => p.Length == 2)
                .GroupBy(p => p[0].Trim(), StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.Last()[1].Trim(), StringComparer.OrdinalIgnoreCase);
            var path = requestLine.Length > 1 ? requestLine[1] : "/";
            var response = await _handler(new HttpRequestData(requestLine[0], path, headers, () => ReadBodyAsync(stream, headers, leftover, timeout.Token)));
            if (response.Status == 0)
            {
                Reset(socket);
                return;
            }
            var head2 = new StringBuilder($"HTTP/1.1 {response.Status} {response.Reason}\r\n");
            head2.Append($"Content-Type: {response.ContentType}\r\nContent-Length: {response.Body.Length}\r\nConnection: close\r\n");
            if (response.Location is not null) head2.Append($"Location: {response.Location}\r\n");
            head2.Append("\r\n");
            await stream.WriteAsync(Encoding.UTF8.GetBytes(head2.ToString()), timeout.Token);
            await stream.WriteAsync(response.Body, timeout.Token);
            await stream.FlushAsync(timeout.Token);
            socket.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or InvalidDataException)
        {
            // the client went away, or the test ended
        }
    }

    /// <summary>Closes with linger 0: the kernel sends RST, which the client sees as "connection reset by peer".</summary>
    private static void Reset(Socket socket)
    {
        socket.LingerState = new LingerOption(true, 0);
        socket.Close();
    }

    private static async Task<(string? Head, byte[] Leftover)> ReadHeadAsync(NetworkStream stream, CancellationToken cancellation)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[8192];
        while (true)
        {
            var read = await stream.ReadAsync(chunk, cancellation);
            if (read == 0) return (null, []);
            buffer.Write(chunk, 0, read);
            var data = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
            var end = data.IndexOf("\r\n\r\n"u8);
            if (end >= 0) return (Encoding.Latin1.GetString(data[..end]), data[(end + 4)..].ToArray());
            if (buffer.Length > 1 << 20) throw new InvalidDataException("request head too large");
        }
    }

    private static async Task<byte[]> ReadBodyAsync(NetworkStream stream, Dictionary<string, string> headers, byte[] leftover, CancellationToken cancellation)
    {
        var input = new ConcatenatedStream(leftover, stream);
        if (headers.TryGetValue("Content-Length", out var lengthText))
        {
            var body = new byte[long.Parse(lengthText, System.Globalization.CultureInfo.InvariantCulture)];
            await input.ReadExactlyAsync(body, cancellation);
            return body;
        }
        if (headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            var body = new MemoryStream();
            while (true)
            {
                var size = Convert.ToInt32((await input.ReadLineAsync(cancellation)).Split(';')[0].Trim(), 16);
                if (size == 0)
                {
                    while ((await input.ReadLineAsync(cancellation)).Length > 0)
                    {
                    }
                    return body.ToArray();
                }
                var chunk = new byte[size];
                await input.ReadExactlyAsync(chunk, cancellation);
                body.Write(chunk);
                await input.ReadLineAsync(cancellation);
            }
        }
        return [];
    }

    /// <summary>The bytes read past the request head, then the rest of the connection.</summary>
    private sealed class ConcatenatedStream(byte[] first, Stream rest)
    {
        private int _offset;

        public async Task ReadExactlyAsync(byte[] target, CancellationToken cancellation)
        {
            var fromFirst = Math.Min(target.Length, first.Length - _offset);
            first.AsSpan(_offset, fromFirst).CopyTo(target);
            _offset += fromFirst;
            if (fromFirst < target.Length) await rest.ReadExactlyAsync(target.AsMemory(fromFirst), cancellation);
        }

        public async Task<string> ReadLineAsync(CancellationToken cancellation)
        {
            var line = new StringBuilder();
            var one = new byte[1];
            while (true)
            {
                await ReadExactlyAsync(one, cancellation);
                if (one[0] == '\n') return line.ToString().TrimEnd('\r');
                line.Append((char)one[0]);
            }
        }
    }
}
