namespace Aura.Core.Storage.Redis;

// Reads that touch an index and the jobs together run as scripts too, so they see one state:
// a job cannot change between being found in an index and being read.
internal static partial class RedisScripts
{
    /// <summary>
    /// Compares two strings byte by byte. Lua's own <c>&lt;</c> uses the C library's collation, which
    /// depends on the server's locale; Redis orders lexical sorted sets by bytes, and so must the merge.
    /// </summary>
    private const string Greater = """
        local function greater(a, b)
          for i = 1, math.min(#a, #b) do
            local x, y = string.byte(a, i), string.byte(b, i)
            if x ~= y then return x > y end
          end
          return #a > #b
        end

        """;

    /// <summary>
    /// Jobs newest first from by-created indexes. KEYS: 1 jobs, 2 meta, 3… the indexes to read.
    /// ARGV: 1 upper bound ('+' or '(ticks'), 2 limit, 3 mode, 4… statuses.
    /// Modes: 'one' reads KEYS[3]; 'merge' merges the newest of each index (one per status);
    /// 'filter' walks KEYS[3] (one owner's jobs) keeping the statuses in ARGV[4…].
    /// </summary>
    public const string List = Greater + """
        local bound, limit, mode = ARGV[1], tonumber(ARGV[2]), ARGV[3]
        local members = {}
        if limit <= 0 then return {} end
        if mode == 'one' then
          members = redis.call('ZREVRANGEBYLEX', KEYS[3], bound, '-', 'LIMIT', 0, limit)
        elseif mode == 'merge' then
          for k = 3, #KEYS do
            for _, m in ipairs(redis.call('ZREVRANGEBYLEX', KEYS[k], bound, '-', 'LIMIT', 0, limit)) do
              table.insert(members, m)
            end
          end
          table.sort(members, greater)
        else
          local wanted = {}
          for i = 4, #ARGV do wanted[ARGV[i]] = true end
          local offset, batch = 0, 200
          while #members < limit do
            local page = redis.call('ZREVRANGEBYLEX', KEYS[3], bound, '-', 'LIMIT', offset, batch)
            for _, m in ipairs(page) do
              local meta = redis.call('HGET', KEYS[2], string.sub(m, 21))
              if meta and wanted[cjson.decode(meta).s] and #members < limit then table.insert(members, m) end
            end
            if #page < batch then break end
            offset = offset + batch
          end
        end
        local jobs = {}
        for i = 1, math.min(#members, limit) do
          jobs[i] = redis.call('HGET', KEYS[1], string.sub(members[i], 21))
        end
        return jobs
        """;

    /// <summary>Jobs whose newest version is after ARGV[1], in version order, at most ARGV[2]. KEYS: 1 jobs, 2 by-version.</summary>
    public const string ChangedAfter = """
        local ids = redis.call('ZRANGEBYSCORE', KEYS[2], '(' .. ARGV[1], '+inf', 'LIMIT', 0, ARGV[2])
        local jobs = {}
        for i, id in ipairs(ids) do jobs[i] = redis.call('HGET', KEYS[1], id) end
        return jobs
        """;

    /// <summary>Ended jobs from by-completed up to the bound ARGV[1], longest-ended first, at most ARGV[2]. KEYS: 1 jobs, 2 by-completed.</summary>
    public const string TerminalBefore = """
        local members = redis.call('ZRANGEBYLEX', KEYS[2], '-', ARGV[1], 'LIMIT', 0, ARGV[2])
        local jobs = {}
        for i, m in ipairs(members) do jobs[i] = redis.call('HGET', KEYS[1], string.sub(m, 21)) end
        return jobs
        """;
}
