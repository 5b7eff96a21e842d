using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Aura.Api.Security;

/// <summary>
/// The configured keys (<c>Auth:ApiKeys</c> and the lines of <c>Auth:ApiKeysFile</c>), read once at
/// start. No key at all is local mode. A key is found by comparing its SHA-256 with every known key's
/// in constant time, all of them every time, so neither timing nor length says how close a guess was.
/// </summary>
public sealed class ApiKeyStore
{
    private readonly (string Principal, byte[] Hash)[] _keys;
    private readonly HashSet<string> _admins;

    public ApiKeyStore(IOptions<AuthOptions> options)
    {
        var auth = options.Value;
        var keys = new Dictionary<string, string>(auth.ApiKeys, StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(auth.ApiKeysFile))
        {
            foreach (var (name, key) in ReadFile(auth.ApiKeysFile))
                keys[name] = key;
        }
        // An empty key is a mistake (an unset variable), never "no key": left alone, it could turn keys off.
        if (keys.FirstOrDefault(k => string.IsNullOrWhiteSpace(k.Value)).Key is { } empty)
            throw new InvalidOperationException($"the key of principal '{empty}' is empty; give it a key or remove it.");
        _keys = keys.Select(k => (k.Key, Hash(k.Value))).ToArray();
        _admins = new HashSet<string>(auth.Admins, StringComparer.Ordinal);
    }

    public bool IsLocalMode => _keys.Length == 0;

    public int Count => _keys.Length;

    /// <summary>The principal whose key <paramref name="key"/> is, or null.</summary>
    public string? FindPrincipal(string key)
    {
        var offered = Hash(key);
        string? found = null;
        foreach (var (principal, hash) in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(offered, hash))
                found = principal;
        }
        return found;
    }

    public bool IsAdmin(string principal) => _admins.Contains(principal);

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>One <c>name=key</c> a line; blank lines and lines starting with <c>#</c> are skipped.</summary>
    private static IEnumerable<(string Name, string Key)> ReadFile(string path)
    {
        var number = 0;
        foreach (var raw in File.ReadAllLines(path))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var equals = line.IndexOf('=');
            if (equals <= 0 || equals == line.Length - 1)
                throw new InvalidOperationException($"Auth:ApiKeysFile {path}, line {number}: expected name=key.");
            yield return (line[..equals].Trim(), line[(equals + 1)..].Trim());
        }
    }
}
