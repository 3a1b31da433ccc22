namespace TextLens.Tests.Stance;

/// <summary>Short commentaries written for these tests (other regions and topics), with the cues a careful annotator would mark.</summary>
public static class Commentaries
{
    public sealed record Expected(string Type, string Text, string Holder);

    public sealed record Case(string Name, string Text, Expected[] Cues);

    public static readonly Case[] All =
    [
        new("kosovo",
            "Belgrade has repeatedly said it will never recognize Kosovo's independence. According to Serbian President Aleksandar Vucic, " +
            "any agreement must respect the rights of Kosovo Serbs. Pristina, for its part, refuses to establish the association of " +
            "Serb-majority municipalities unless Serbia recognizes its statehood. Unfortunately, the European Union seems unable to break " +
            "the deadlock. It is clear that both sides should return to the negotiating table. The EU aims to conclude a legally binding " +
            "agreement by the end of the year, but this is unlikely to happen. Kosovo is ready to sign the agreement, as Prime Minister " +
            "Albin Kurti stated last week.",
            [
                new("REFUSAL", "will never recognize", "Belgrade"),
                new("DEONTIC", "must", "Vucic"),
                new("REFUSAL", "refuses to establish", "Pristina"),
                new("CONDITION", "unless", "Pristina"),
                new("ATTITUDE", "Unfortunately", "author"),
                new("HEDGE", "seems", "author"),
                new("BOOSTER", "It is clear that", "author"),
                new("DEONTIC", "should", "author"),
                new("COMMITMENT", "aims to", "EU"),
                new("HEDGE", "unlikely", "author"),
                new("COMMITMENT", "is ready to", "Kosovo"),
            ]),
        new("nile",
            "Ethiopia insists on filling the reservoir on its own schedule and has rejected Egyptian demands for a binding agreement. " +
            "Cairo, meanwhile, is not prepared to accept any deal that does not guarantee its water share. Egyptian officials have warned " +
            "that the dam could threaten the livelihoods of millions. The African Union should play a more active role, yet it has so far " +
            "been largely absent. Addis Ababa will resume talks only if Egypt drops its preconditions. Clearly, a compromise is still " +
            "within reach. Sadly, the rhetoric on both sides has hardened, and a diplomatic breakthrough appears unlikely before the rainy season.",
            [
                new("COMMITMENT", "insists on", "Ethiopia"),
                new("REFUSAL", "rejected", "Ethiopia"),
                new("REFUSAL", "is not prepared to accept", "Cairo"),
                new("HEDGE", "could", "Egyptian officials"),
                new("DEONTIC", "should", "author"),
                new("HEDGE", "largely", "author"),
                new("COMMITMENT", "will resume", "Addis Ababa"),
                new("CONDITION", "only if", "Addis Ababa"),
                new("BOOSTER", "Clearly", "author"),
                new("ATTITUDE", "Sadly", "author"),
                new("HEDGE", "appears", "author"),
                new("HEDGE", "unlikely", "author"),
            ]),
        new("south-china-sea",
            "Manila will not abandon its claims in the South China Sea, the Philippine foreign secretary said on Monday. Beijing rejects " +
            "the 2016 arbitral ruling and continues to expand its presence around the Second Thomas Shoal. It is essential to keep channels " +
            "of communication open, because a single incident may trigger a wider crisis. Washington has pledged to defend its ally, but it " +
            "is uncertain how far that commitment would go. The two countries need to agree on a code of conduct. Importantly, China's " +
            "willingness to negotiate has increased in recent months. Undoubtedly, regional states want to avoid a confrontation.",
            [
                new("REFUSAL", "will not abandon", "Manila"),
                new("REFUSAL", "rejects", "Beijing"),
                new("DEONTIC", "It is essential to", "author"),
                new("HEDGE", "may", "author"),
                new("COMMITMENT", "pledged to", "Washington"),
                new("HEDGE", "uncertain", "author"),
                new("DEONTIC", "need to", "author"),
                new("ATTITUDE", "Importantly", "author"),
                new("COMMITMENT", "willingness to", "China"),
                new("BOOSTER", "Undoubtedly", "author"),
                new("COMMITMENT", "want to", "regional states"),
            ]),
        new("hungary",
            "Hungary has threatened to veto the aid package until the Commission releases frozen funds. In Brussels, this is viewed as " +
            "blackmail. The member states must find a way around the blockade, and they should do so quickly. Budapest is unwilling to " +
            "compromise, and Prime Minister Viktor Orban declared that Hungary would never accept such conditions. As long as the dispute " +
            "continues, Ukraine's funding will remain uncertain. It is high time that the Union reformed its unanimity rule. The good news " +
            "is that most governments favour a swift solution.",
            [
                new("REFUSAL", "veto", "Hungary"),
                new("CONDITION", "until", "Hungary"),
                new("ATTITUDE", "blackmail", "Brussels"),
                new("DEONTIC", "must", "author"),
                new("DEONTIC", "should", "author"),
                new("REFUSAL", "is unwilling to compromise", "Budapest"),
                new("REFUSAL", "would never accept", "Hungary"),
                new("CONDITION", "As long as", "author"),
                new("HEDGE", "uncertain", "author"),
                new("DEONTIC", "It is high time that", "author"),
                new("ATTITUDE", "The good news", "author"),
                new("COMMITMENT", "favour", "most governments"),
            ]),
        new("sudan",
            "We believe that the ceasefire is likely to collapse. The RSF has refused to withdraw from civilian areas, while the army says " +
            "it is willing to negotiate if humanitarian corridors are opened. Regrettably, the international response has been slow. Donors " +
            "should increase funding, and they must do so before the lean season begins. There is no doubt that the crisis will deepen. " +
            "May's talks in Jeddah produced little. Negotiators may meet again in May.",
            [
                new("HEDGE", "We believe", "author"),
                new("HEDGE", "likely", "author"),
                new("REFUSAL", "refused to withdraw", "RSF"),
                new("COMMITMENT", "is willing to", "the army"),
                new("CONDITION", "if", "the army"),
                new("ATTITUDE", "Regrettably", "author"),
                new("DEONTIC", "should", "author"),
                new("DEONTIC", "must", "author"),
                new("BOOSTER", "There is no doubt that", "author"),
                new("HEDGE", "may", "author"),
            ]),
    ];
}
