using System.IO.Pipelines;
using System.Text;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace CreditGrid.Api.Extensions;

/// <summary>
/// An unencoded UTF-8 query string works (issue 14): <c>curl '…/merchants/board?street=水晶街'</c> sends the raw bytes,
/// which Kestrel refuses with an empty 400 before any middleware runs (it reads the request target as ASCII). This
/// connection middleware percent-encodes the bytes above 0x7F of each HTTP/1.1 request line before Kestrel parses it,
/// exactly what the client should have sent; everything else passes unchanged. It follows the message framing
/// (Content-Length bodies are skipped byte-exact); after a chunked body, an upgrade (WebSockets) or HTTP/2 it stops
/// looking at the connection and only passes bytes on.
/// </summary>
public static class Utf8RequestTarget
{
    public static IServiceCollection AddUtf8RequestTargets(this IServiceCollection services) =>
        services.Configure<KestrelServerOptions>(o => o.ConfigureEndpointDefaults(listen => listen.Use(next => async connection =>
        {
            var original = connection.Transport;
            var escaping = new RequestLineEscaper(original.Input.AsStream(leaveOpen: true));
            connection.Transport = new Duplex(PipeReader.Create(escaping, new StreamPipeReaderOptions(leaveOpen: true)), original.Output);
            try
            {
                await next(connection);
            }
            finally
            {
                connection.Transport = original;
            }
        })));

    private sealed class Duplex(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;
        public PipeWriter Output { get; } = output;
    }
}

/// <summary>The byte-level state machine of <see cref="Utf8RequestTarget"/>: request line, headers, body, or pass-through.</summary>
public sealed class RequestLineEscaper(Stream inner) : Stream
{
    private enum State { RequestLine, Headers, Body, PassThrough }

    private const int MaxHeaderLine = 16 * 1024;
    private static readonly byte[] Hex = "0123456789ABCDEF"u8.ToArray();

    private State _state = State.RequestLine;
    private readonly byte[] _read = new byte[16 * 1024];
    private byte[] _out = new byte[48 * 1024];
    private int _outStart, _outCount;
    private readonly List<byte> _line = [];
    private long _contentLength;
    private bool _chunked, _upgrade;
    private long _bodyLeft;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_outCount == 0)
        {
            if (_state == State.PassThrough) return await inner.ReadAsync(buffer, cancellationToken);
            if (_state == State.Body)
            {
                // The body is not looked at: read it straight into the caller's buffer, never past its end.
                var n = await inner.ReadAsync(buffer[..(int)Math.Min(buffer.Length, _bodyLeft)], cancellationToken);
                _bodyLeft -= n;
                if (_bodyLeft == 0) _state = State.RequestLine;
                return n;
            }
            var read = await inner.ReadAsync(_read, cancellationToken);
            if (read == 0) return 0;
            Transform(_read.AsSpan(0, read));
        }
        var count = Math.Min(buffer.Length, _outCount);
        _out.AsSpan(_outStart, count).CopyTo(buffer.Span);
        _outStart += count;
        _outCount -= count;
        return count;
    }

    private void Transform(ReadOnlySpan<byte> input)
    {
        _outStart = 0;
        _outCount = 0;
        if (_out.Length < input.Length * 3) _out = new byte[input.Length * 3];
        for (var i = 0; i < input.Length; i++)
        {
            var b = input[i];
            switch (_state)
            {
                case State.RequestLine:
                    if (b >= 0x80)
                    {
                        _out[_outCount++] = (byte)'%';
                        _out[_outCount++] = Hex[b >> 4];
                        _out[_outCount++] = Hex[b & 0xF];
                        continue;
                    }
                    _out[_outCount++] = b;
                    if (b == '\n')
                    {
                        var h2 = _line.Count >= 3 && _line[0] == 'P' && _line[1] == 'R' && _line[2] == 'I';
                        _line.Clear();
                        (_contentLength, _chunked, _upgrade) = (0, false, false);
                        _state = h2 ? State.PassThrough : State.Headers;
                    }
                    else if (_line.Count < 3)
                    {
                        _line.Add(b);
                    }
                    break;
                case State.Headers:
                    _out[_outCount++] = b;
                    if (b != '\n')
                    {
                        if (_line.Count < MaxHeaderLine) _line.Add(b);
                        else _state = State.PassThrough; // not a header Kestrel would take: stop interpreting
                        break;
                    }
                    EndOfHeaderLine();
                    break;
                case State.Body:
                    var n = (int)Math.Min(_bodyLeft, input.Length - i);
                    input.Slice(i, n).CopyTo(_out.AsSpan(_outCount));
                    _outCount += n;
                    i += n - 1;
                    _bodyLeft -= n;
                    if (_bodyLeft == 0) _state = State.RequestLine;
                    break;
                default:
                    input[i..].CopyTo(_out.AsSpan(_outCount));
                    _outCount += input.Length - i;
                    return;
            }
        }
    }

    private void EndOfHeaderLine()
    {
        var line = Encoding.Latin1.GetString([.. _line]).TrimEnd('\r');
        _line.Clear();
        if (line.Length == 0)
        {
            _state = _chunked || _upgrade ? State.PassThrough : _contentLength > 0 ? State.Body : State.RequestLine;
            _bodyLeft = _contentLength;
            return;
        }
        var colon = line.IndexOf(':');
        if (colon <= 0) return;
        var name = line[..colon].Trim();
        var value = line[(colon + 1)..].Trim();
        if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
        {
            if (long.TryParse(value, out var length) && length >= 0) _contentLength = length;
            else _state = State.PassThrough; // Kestrel refuses it anyway; do not guess the framing
        }
        else if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase)) _chunked = true;
        else if (name.Equals("Upgrade", StringComparison.OrdinalIgnoreCase)) _upgrade = true;
    }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
