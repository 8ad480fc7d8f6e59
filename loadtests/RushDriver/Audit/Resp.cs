using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace HospitalOrleans.RushDriver.Audit;

/// <summary>
/// The few lines of the Redis protocol (RESP2) the audit needs: send a command, read its reply.
/// Replies: string, long, byte-safe bulk strings as UTF-8 text, arrays; an error reply throws.
/// </summary>
public sealed class RespClient : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private readonly BufferedStream _stream;

    private RespClient(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = new BufferedStream(tcp.GetStream(), 64 * 1024);
    }

    public static async Task<RespClient> ConnectAsync(string hostPort, CancellationToken cancellationToken)
    {
        var colon = hostPort.LastIndexOf(':');
        var (host, port) = colon > 0 ? (hostPort[..colon], int.Parse(hostPort[(colon + 1)..], CultureInfo.InvariantCulture)) : (hostPort, 6379);
        var tcp = new TcpClient { NoDelay = true };
        await tcp.ConnectAsync(host, port, cancellationToken);
        return new RespClient(tcp);
    }

    public async Task<object?> CallAsync(params string[] args)
    {
        var command = new StringBuilder().Append('*').Append(args.Length).Append("\r\n");
        foreach (var arg in args) command.Append('$').Append(Encoding.UTF8.GetByteCount(arg)).Append("\r\n").Append(arg).Append("\r\n");
        await _stream.WriteAsync(Encoding.UTF8.GetBytes(command.ToString()));
        await _stream.FlushAsync();
        return Read();
    }

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
        _tcp.Dispose();
    }

    private object? Read()
    {
        var kind = _stream.ReadByte();
        var line = ReadLine();
        switch (kind)
        {
            case '+': return line;
            case '-': throw new InvalidOperationException($"Redis: {line}");
            case ':': return long.Parse(line, CultureInfo.InvariantCulture);
            case '$':
                var length = int.Parse(line, CultureInfo.InvariantCulture);
                if (length < 0) return null;
                var bytes = new byte[length + 2];
                _stream.ReadExactly(bytes);
                return Encoding.UTF8.GetString(bytes, 0, length);
            case '*':
                var count = int.Parse(line, CultureInfo.InvariantCulture);
                if (count < 0) return null;
                var items = new object?[count];
                for (var i = 0; i < count; i++) items[i] = Read();
                return items;
            default:
                throw new InvalidOperationException($"Redis: unexpected reply type '{(char)kind}'.");
        }
    }

    private string ReadLine()
    {
        var bytes = new List<byte>(32);
        int b;
        while ((b = _stream.ReadByte()) != '\r')
        {
            if (b < 0) throw new EndOfStreamException("Redis closed the connection.");
            bytes.Add((byte)b);
        }
        _stream.ReadByte();
        return Encoding.UTF8.GetString(bytes.ToArray());
    }
}
