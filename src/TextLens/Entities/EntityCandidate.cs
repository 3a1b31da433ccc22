namespace TextLens.Entities;

/// <summary>A proposed entity over units [UnitStart, UnitEnd) before resolution.</summary>
// Rank: specificity of the proposer when spans are equally long: higher wins (user rule 4, built-in rule 3, gazetteer 2, model 1).
internal readonly record struct EntityCandidate(int UnitStart, int UnitEnd, EntityLabel Label, EntitySource Source, int Rank, double? Confidence)
{
    public int Length => UnitEnd - UnitStart;

    public const int ModelRank = 1, GazetteerRank = 2, BuiltInRuleRank = 3, UserRuleRank = 4;
}
