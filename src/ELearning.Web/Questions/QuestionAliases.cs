using System.Security.Cryptography;
using System.Text;
using ELearning.Content.Questions;
using ELearning.Web.Storage;
using Microsoft.Extensions.Options;

namespace ELearning.Web.Questions;

/// <summary>
/// Option, item and choice ids are positions in the source ("a" is the first item of an ordering, which is its right
/// place; a matching item and its choice often share a letter). Pages therefore never show them: each id becomes an
/// alias keyed by a server secret and a scope (the learner for lessons, the attempt for assessments), and posted
/// aliases are turned back into ids before grading. An id posted directly is not an alias and is refused.
/// The same secret and scope seed the order the learner sees (<see cref="AliasMap.Order"/>): stable for that learner
/// or attempt, different between them, and not computable from the page or the question id.
/// </summary>
internal sealed class QuestionAliases
{
    private readonly byte[] _key;

    public QuestionAliases(IOptions<StorageOptions> storage)
    {
        var folder = Path.Combine(storage.Value.FullDataDirectory, "keys");
        var path = Path.Combine(folder, "question-aliases.key");
        Directory.CreateDirectory(folder);
        if (!File.Exists(path))
        {
            // Written once; several app instances sharing the data directory then agree on aliases.
            try
            {
                using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                file.Write(RandomNumberGenerator.GetBytes(32));
            }
            catch (IOException) when (File.Exists(path))
            {
            }
        }
        _key = File.ReadAllBytes(path);
    }

    public AliasMap For(string scope, Question question)
    {
        var ids = Ids(question).Distinct(StringComparer.Ordinal).ToList();
        var outward = ids.ToDictionary(id => id, id => Alias(scope, question.Id, id), StringComparer.Ordinal);
        return new AliasMap(outward, OrderSeed(scope, question.Id));
    }

    private int OrderSeed(string scope, string questionId)
    {
        // A separate purpose string: the seed reveals nothing about the aliases, and the reverse.
        var hash = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"order\n{scope}\n{questionId}"));
        return BitConverter.ToInt32(hash, 0);
    }

    private string Alias(string scope, string questionId, string id)
    {
        var hash = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{scope}\n{questionId}\n{id}"));
        return "k" + Convert.ToHexStringLower(hash, 0, 5);
    }

    private static IEnumerable<string> Ids(Question question) => question switch
    {
        ChoiceQuestion choice => choice.Options.Select(o => o.Id),
        OrderingQuestion ordering => ordering.Items.Select(i => i.Id),
        MatchingQuestion matching => matching.Pairs.Select(p => p.Item.Id).Concat(matching.Choices.Select(c => c.Id)),
        ScenarioQuestion scenario => scenario.Steps.SelectMany(s => s.Choices).Select(c => c.Id),
        _ => [],
    };
}

/// <summary>The aliases of one question's ids in one scope.</summary>
internal sealed class AliasMap
{
    private const string Refused = "\u0000";
    private readonly Dictionary<string, string> _outward;
    private readonly Dictionary<string, string> _inward;

    private readonly int _orderSeed;

    public AliasMap(Dictionary<string, string> outward, int orderSeed = 0)
    {
        _outward = outward;
        _orderSeed = orderSeed;
        _inward = outward.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
    }

    public static AliasMap None { get; } = new([]);

    /// <summary>
    /// A generator seeded by the server secret, the scope and the question: the same sequence on every page load for
    /// this learner (or attempt), so a shuffled order is stable without being stored.
    /// </summary>
    public Random Order() => new(_orderSeed);

    public string Out(string id) => _outward.TryGetValue(id, out var alias) ? alias : id;

    /// <summary>The id behind an alias; anything else maps to a value no question accepts.</summary>
    public string In(string alias) => _inward.TryGetValue(alias, out var id) ? id : Refused;

    /// <summary>A stored response (ids) as the page shows it (aliases).</summary>
    public Response Out(Response response) => Translate(response, Out);

    /// <summary>A posted response (aliases) as the question grades it (ids).</summary>
    public Response In(Response response) => Translate(response, In);

    private static Response Translate(Response response, Func<string, string> map) =>
        new(response.Fields.Select(f =>
        {
            var (name, values) = (f.Key, f.Value);
            if (name.StartsWith(ResponseFields.RankPrefix, StringComparison.Ordinal))
            {
                return new KeyValuePair<string, IReadOnlyList<string>>(ResponseFields.RankPrefix + map(name[ResponseFields.RankPrefix.Length..]), values);
            }
            if (name.StartsWith(ResponseFields.MatchPrefix, StringComparison.Ordinal))
            {
                return new KeyValuePair<string, IReadOnlyList<string>>(ResponseFields.MatchPrefix + map(name[ResponseFields.MatchPrefix.Length..]), [.. values.Select(v => v.Length == 0 ? v : map(v))]);
            }
            return name is ResponseFields.Option or ResponseFields.Choice or ResponseFields.Path
                ? new KeyValuePair<string, IReadOnlyList<string>>(name, [.. values.Select(map)])
                : f;
        }));
}
