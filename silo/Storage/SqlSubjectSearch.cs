using System.Data.Common;
using System.Text;
using CreditGrid.Core;
using CreditGrid.Core.Grid;

namespace CreditGrid.Silo.Storage;

/// <summary>
/// http-api "Subjects" search over the subject_summary projection (sqlite/postgres-project-007-search.sql):
/// 3+ characters of the name through the trigram index (SQLite FTS5 trigram, PostgreSQL pg_trgm GIN), 1-2 characters
/// by name prefix and the identifier by prefix through b-tree ranges; never a scan of the table. Relevance: exact name
/// or identifier, then name or identifier prefix, then any other part of the name; then the name (code-point order).
/// </summary>
public sealed class SqlSubjectSearch(Database database) : ISubjectSearch
{
    /// <summary>Above every character: "q" ≤ s &lt; q + this ⇔ s starts with q (binary / COLLATE "C" order).</summary>
    private const string Highest = "\U0010FFFF";

    private const string Columns = "s.kind, s.id, s.name, s.score, s.grade, s.stars, s.color, s.downgraded, s.street, s.updated_at, s.handle";

    /// <summary>Above this many name hits the page is read in name-index order instead of sorting every hit (docs/search.md).</summary>
    private const long ManyHits = 2_000;

    private const string FtsHits = "SELECT rowid FROM subject_search WHERE subject_search MATCH @phrase";

    public async Task<SearchPage> Search(SearchQuery query, CancellationToken ct = default)
    {
        var parameters = new List<(string, object?)>();
        var q = query.Q?.Trim();
        var (from, match, rank) = Matches(q, parameters);
        // SQLite has no statistics: with q, a filter's index (kind = ? looks selective) would drive the query over the
        // name's; unary + keeps a filter off the indexes so q's index reads (PostgreSQL's planner knows better).
        var filters = Filters(query, parameters, database.IsPostgres || string.IsNullOrEmpty(q) ? "" : "+");
        var where = Where(match, filters);
        var name = database.IsPostgres ? "s.name COLLATE \"C\"" : "s.name";
        await using var connection = await database.Open(ct);
        // SQLite, a Chinese word of 3+ characters: the FTS index alone answers (no identifier), as rowids.
        var ftsOnly = match is { } m && m.Contains(FtsHits, StringComparison.Ordinal);

        // Without filters the FTS index counts its own hits, and PostgreSQL's subject_name_prefix holds the count of a
        // 1-2 character name prefix (postgres-project-019); otherwise each hit's row is counted.
        var countSql = filters.Count > 0 ? $"SELECT COUNT(*) FROM {from} {where}"
            : ftsOnly ? "SELECT COUNT(*) FROM subject_search WHERE subject_search MATCH @phrase"
            : database.IsPostgres && q is not null && rank is null && q.EnumerateRunes().Count() < 3 && !q.All(char.IsAsciiLetterOrDigit)
                ? "SELECT COALESCE((SELECT n FROM subject_name_prefix WHERE prefix = @q), 0)"
                : $"SELECT COUNT(*) FROM {from} {where}";
        var total = await Count(connection, countSql, parameters, ct);
        var items = new List<SearchHit>();
        var skip = (long)(query.Page - 1) * query.PageSize;
        if (total == 0 || skip >= total) return new SearchPage(total, items);
        if (q is not null && rank is not null && !q.All(char.IsAsciiLetterOrDigit) && total > ManyHits)
        {
            // Many hits (a trade word, a region: at least 1 name in 500): sorting them all costs more than reading the name
            // index in order until the page is full, which finds one every few hundred entries. First the names that start
            // with q (the exact one first), then the others: the same order as rank, name.
            parameters.Add(("@qhi", q + Highest));
            parameters.Add(("@like", "%" + EscapeLike(q) + "%"));
            var starts = $"{name} >= @q AND {name} < @qhi";
            var contains = database.IsPostgres ? $"s.name {PgLike(q)} @like" : "s.name LIKE @like ESCAPE '\\'"; // both ignore ASCII case, as the trigram index does
            // Page 1 needs no count of the names that start with q: it reads them, then the others from the first.
            var prefixed = skip == 0 ? 0 : await Count(connection, $"SELECT COUNT(*) FROM subject_summary s {Where(starts, filters)}", parameters, ct);
            if (skip == 0 || skip < prefixed) await Read(connection, $"SELECT {Columns} FROM subject_summary s {Where(starts, filters)} ORDER BY {name}, s.kind, s.id LIMIT @take OFFSET @skip",
                [.. parameters, ("@take", query.PageSize), ("@skip", skip)], items, ct);
            if (items.Count < query.PageSize)
                await Read(connection, $"SELECT {Columns} FROM subject_summary s {Where($"{contains} AND NOT ({starts})", filters)} ORDER BY {name}, s.kind, s.id LIMIT @take OFFSET @skip",
                    [.. parameters, ("@take", query.PageSize - items.Count), ("@skip", Math.Max(0, skip - prefixed))], items, ct);
            return new SearchPage(total, items);
        }
        await Read(connection, $"SELECT {Columns} FROM {from} {where} ORDER BY {(rank is null ? "" : rank + ", ")}{name}, s.kind, s.id LIMIT @take OFFSET @skip",
            [.. parameters, ("@take", query.PageSize), ("@skip", skip)], items, ct);
        return new SearchPage(total, items);
    }

    private static string Where(string? match, List<string> filters)
    {
        var conditions = match is null ? filters : [match, .. filters];
        return conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions);
    }

    private static async Task<long> Count(DbConnection connection, string sql, List<(string, object?)> parameters, CancellationToken ct)
    {
        await using var count = Database.Command(connection, sql, null, [.. parameters]);
        return Convert.ToInt64(await count.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task Read(DbConnection connection, string sql, (string, object?)[] parameters, List<SearchHit> items, CancellationToken ct)
    {
        await using var page = Database.Command(connection, sql, null, parameters);
        await using var reader = await page.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) items.Add(Hit(reader));
    }

    public async Task<(SubjectKind Kind, string Id)?> ByHandle(string handle, CancellationToken ct = default)
    {
        await using var connection = await database.Open(ct);
        await using var command = Database.Command(connection, "SELECT kind, id FROM subject_summary WHERE handle = @handle", null, ("@handle", handle));
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct) || !SubjectKinds.TryParse(reader.GetString(0), out var kind)) return null;
        return (kind, reader.GetString(1));
    }

    /// <summary>
    /// The rows q matches (FROM clause, as `s`, and a condition on them) and the relevance of a row (0 best), null when
    /// name order is relevance order already: among names that start with q the exact one sorts first.
    /// </summary>
    private (string From, string? Match, string? Rank) Matches(string? q, List<(string, object?)> parameters)
    {
        if (string.IsNullOrEmpty(q)) return ("subject_summary s", null, null);
        parameters.Add(("@q", q));
        var characters = q.EnumerateRunes().Count();
        var prefixOnly = characters < 3; // trigrams need 3 characters: shorter is a name prefix
        // Identifiers are A-Z and 0-9 (§1): other text is no identifier prefix, and the identifier index is not asked.
        var idToo = q.All(char.IsAsciiLetterOrDigit);
        var pg = database.IsPostgres;
        if (idToo)
        {
            var idq = q.ToUpperInvariant(); // USCC letters and the resident ID's X are upper case; what was typed may not be
            parameters.Add(("@idq", idq));
            parameters.Add(("@idhi", idq + Highest));
        }
        if (prefixOnly) parameters.Add(("@qhi", q + Highest));
        if (!pg) parameters.Add(("@len", characters)); // substr counts characters

        string name, id, startsName, startsId;
        if (pg)
        {
            // One WHERE with OR: PostgreSQL combines the GIN (or name b-tree) and the identifier b-tree in a BitmapOr.
            if (!prefixOnly) parameters.Add(("@pattern", "%" + EscapeLike(q) + "%"));
            name = prefixOnly ? "s.name COLLATE \"C\" >= @q AND s.name COLLATE \"C\" < @qhi" : $"s.name {PgLike(q)} @pattern";
            id = "s.id COLLATE \"C\" >= @idq AND s.id COLLATE \"C\" < @idhi";
            (startsName, startsId) = ("starts_with(s.name, @q)", "starts_with(s.id, @idq)");
        }
        else
        {
            if (!prefixOnly) parameters.Add(("@phrase", "\"" + q.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
            name = prefixOnly ? "s.name >= @q AND s.name < @qhi" : $"s.rowid IN ({FtsHits})";
            id = "s.id >= @idq AND s.id < @idhi";
            (startsName, startsId) = ("substr(s.name, 1, @len) = @q", "substr(s.id, 1, @len) = @idq");
        }
        if (prefixOnly && !idToo) return ("subject_summary s", name, null);
        var rank = idToo
            ? $"CASE WHEN s.name = @q OR s.id = @idq THEN 0 WHEN {startsName} OR {startsId} THEN 1 ELSE 2 END"
            : $"CASE WHEN s.name = @q THEN 0 WHEN {startsName} THEN 1 ELSE 2 END";
        if (!idToo) return ("subject_summary s", name, rank);
        if (pg) return ("subject_summary s", $"(({name}) OR ({id}))", rank);
        // SQLite: name hits and identifier hits, each from its own index, as one set of rowids.
        var nameHits = prefixOnly
            ? "SELECT rowid AS rid FROM subject_summary WHERE name >= @q AND name < @qhi"
            : "SELECT rowid AS rid FROM subject_search WHERE subject_search MATCH @phrase";
        return ($"({nameHits} UNION SELECT rowid FROM subject_summary WHERE id >= @idq AND id < @idhi) hits JOIN subject_summary s ON s.rowid = hits.rid", null, rank);
    }

    private static List<string> Filters(SearchQuery query, List<(string, object?)> parameters, string lead)
    {
        var clauses = new List<string>();
        void Add(string column, string name, object? value)
        {
            if (value is null) return;
            clauses.Add($"{lead}s.{column} = {name}");
            parameters.Add((name, value));
        }
        Add("kind", "@kind", query.Kind?.ToWire());
        // Literals from the enum, never from input (the portal restricts to public kinds, domain-rules §9).
        if (query.Kinds is { Count: > 0 } kinds) clauses.Add($"{lead}s.kind IN ({string.Join(", ", kinds.Select(k => $"'{k.ToWire()}'"))})");
        // Officials have stars, not grades (§1): grade=1…6 filters by stars.
        if (query.Grade is { Length: 1 } digit && char.IsAsciiDigit(digit[0])) Add("stars", "@stars", digit[0] - '0');
        else Add("grade", "@grade", query.Grade);
        Add("color", "@color", query.Color);
        Add("street", "@street", query.Street);
        // A literal, not a parameter: only then may the partial index of downgraded subjects serve it.
        if (query.Downgraded is { } d) clauses.Add($"{lead}s.downgraded = {(d ? 1 : 0)}");
        return clauses;
    }

    /// <summary>
    /// ILIKE, or LIKE when q has no letter with case (Chinese characters, digits: Unicode Lo and Nd): lower() changes no
    /// such character and makes none, so both find the same names, and LIKE's recheck of each trigram hit costs about
    /// half of ILIKE's, which lower-cases every name it tests.
    /// </summary>
    private static string PgLike(string q) =>
        q.EnumerateRunes().All(r => Rune.GetUnicodeCategory(r) is System.Globalization.UnicodeCategory.OtherLetter or System.Globalization.UnicodeCategory.DecimalDigitNumber)
            ? "LIKE" : "ILIKE";

    private static string EscapeLike(string q)
    {
        var sb = new StringBuilder(q.Length + 4);
        foreach (var c in q)
        {
            if (c is '\\' or '%' or '_') sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }

    private static SearchHit Hit(DbDataReader r)
    {
        SubjectKinds.TryParse(r.GetString(0), out var kind);
        return new SearchHit(kind, r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : (int)Database.Long(r, 3),
            r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(5) ? null : (int)Database.Long(r, 5), r.IsDBNull(6) ? null : r.GetString(6),
            Database.Long(r, 7) == 1, r.IsDBNull(8) ? null : r.GetString(8), r.GetString(9), r.IsDBNull(10) ? null : r.GetString(10));
    }
}
