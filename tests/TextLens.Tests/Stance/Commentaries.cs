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
        new("sahel",
            "Mali's junta has announced that it will not allow French troops to return. Indeed, the withdrawal of Western forces has " +
            "arguably created a security vacuum. Niger and Burkina Faso seek to build a joint force, but they lack the funds to do so. " +
            "It remains to be seen whether the new alliance can contain the insurgency. ECOWAS should keep the door open, and it must " +
            "avoid punitive sanctions that hurt ordinary citizens. Perhaps the most worrying development is the spread of violence " +
            "toward coastal states.",
            [
                new("REFUSAL", "will not allow", "Mali's junta"),
                new("BOOSTER", "Indeed", "author"),
                new("HEDGE", "arguably", "author"),
                new("COMMITMENT", "seek to", "Niger and Burkina Faso"),
                new("HEDGE", "It remains to be seen", "author"),
                new("DEONTIC", "should", "author"),
                new("DEONTIC", "must", "author"),
                new("HEDGE", "Perhaps", "author"),
                new("ATTITUDE", "the most worrying development", "author"),
            ]),
        new("taiwan",
            "Taipei has made clear that it is prepared to talk, provided that Beijing treats it as an equal. China, however, refuses to " +
            "renounce the use of force. Washington, for its part, is committed to maintaining the status quo. In our view, both sides " +
            "need to exercise restraint. A miscalculation would certainly be catastrophic. Regrettably, military drills around the island " +
            "have become routine, and they will probably intensify before the inauguration.",
            [
                new("COMMITMENT", "is prepared to", "Taipei"),
                new("CONDITION", "provided that", "Taipei"),
                new("REFUSAL", "refuses to renounce", "China"),
                new("COMMITMENT", "is committed to", "Washington"),
                new("HEDGE", "In our view", "author"),
                new("DEONTIC", "need to", "author"),
                new("BOOSTER", "certainly", "author"),
                new("ATTITUDE", "Regrettably", "author"),
                new("HEDGE", "probably", "author"),
            ]),
        new("climate",
            "\"We will never accept a phase-out of coal,\" the Indian environment minister told reporters. New Delhi argues that " +
            "rich countries must first honour their finance pledges. The European Commission, by contrast, has vowed to cut emissions " +
            "by 90 percent. Such targets are arguably unrealistic without carbon capture. Surprisingly, China has signalled its " +
            "readiness to join a methane agreement. Developing states are unlikely to sign unless adaptation funding doubles.",
            [
                new("REFUSAL", "will never accept", "the Indian environment minister"),
                new("DEONTIC", "must", "New Delhi"),
                new("COMMITMENT", "vowed to", "European Commission"),
                new("HEDGE", "arguably", "author"),
                new("ATTITUDE", "Surprisingly", "author"),
                new("COMMITMENT", "readiness to", "China"),
                new("HEDGE", "unlikely", "author"),
                new("CONDITION", "unless", "author"),
            ]),
        new("trade",
            "Ankara's refusal to lift the tariffs has angered Brussels. The Turkish trade ministry insists on reciprocity, and it will " +
            "not budge before the customs union is modernised. Perhaps a compromise could be found at the next summit. Obviously, both " +
            "economies would benefit from a deal. Washington, meanwhile, plans to impose new duties in June. Exporters fear that the " +
            "dispute may escalate, which would be a serious setback for the region.",
            [
                new("REFUSAL", "refusal", "Ankara"),
                new("COMMITMENT", "insists on", "The Turkish trade ministry"),
                new("REFUSAL", "will not budge", "The Turkish trade ministry"),
                new("CONDITION", "before", "The Turkish trade ministry"),
                new("HEDGE", "Perhaps", "author"),
                new("HEDGE", "could", "author"),
                new("BOOSTER", "Obviously", "author"),
                new("COMMITMENT", "plans to", "Washington"),
                new("HEDGE", "may", "Exporters"),
                new("ATTITUDE", "a serious setback", "author"),
            ]),
        new("gulf",
            "Tehran has offered to resume nuclear talks in return for sanctions relief. Riyadh, however, remains sceptical, and it " +
            "has declined to restore full diplomatic ties. According to a senior Saudi official, the kingdom wants to see concrete " +
            "steps first. It is imperative that both capitals keep the Chinese-brokered channel open. There is little doubt that " +
            "a collapse of the talks would embolden hardliners. Egypt, which has long opposed any regional arms race, could play " +
            "a mediating role.",
            [
                new("COMMITMENT", "offered to", "Tehran"),
                new("CONDITION", "in return for", "Tehran"),
                new("REFUSAL", "declined to restore", "Riyadh"),
                new("COMMITMENT", "wants to", "the kingdom"),
                new("DEONTIC", "It is imperative that", "author"),
                new("BOOSTER", "There is little doubt that", "author"),
                new("REFUSAL", "opposed", "Egypt"),
                new("HEDGE", "could", "author"),
            ]),
        new("venezuela",
            "Caracas has repeatedly dismissed calls for new elections, and President Nicolas Maduro insisted on Sunday that he would " +
            "not step down. The opposition, for its part, seeks to unify behind a single candidate. Washington could ease sanctions " +
            "if the government releases political prisoners. It is far from clear whether Brazil and Colombia are willing to mediate. " +
            "Frankly, the region cannot afford another wave of migration. Neighbouring governments ought to coordinate their response.",
            [
                new("REFUSAL", "dismissed", "Caracas"),
                new("REFUSAL", "would not step", "Maduro"),
                new("COMMITMENT", "seeks to", "The opposition"),
                new("HEDGE", "could", "author"),
                new("CONDITION", "if", "author"),
                new("HEDGE", "far from clear", "author"),
                new("COMMITMENT", "are willing to", "Brazil and Colombia"),
                new("ATTITUDE", "Frankly", "author"),
                new("DEONTIC", "ought to", "author"),
            ]),
        new("arctic",
            "Norway has signalled that it is open to talks on fishing quotas, but Oslo refuses to reopen the Svalbard treaty. " +
            "Russian officials claim that the treaty is outdated. This argument is unconvincing. Moscow will probably continue " +
            "to test the limits of the regime. NATO allies must avoid an escalation, and they should invest in Arctic capabilities " +
            "only if a clear strategy emerges.",
            [
                new("COMMITMENT", "is open to", "Norway"),
                new("REFUSAL", "refuses to reopen", "Oslo"),
                new("ATTITUDE", "unconvincing", "author"),
                new("HEDGE", "probably", "author"),
                new("DEONTIC", "must", "author"),
                new("DEONTIC", "should", "author"),
                new("CONDITION", "only if", "author"),
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
        new("georgia",
            // "made clear" is the subject's stance reported, not the author's certainty (see "taiwan"): no cue
            "The European Commission has made clear that accession talks will stay frozen. The future of the Anaklia port is in doubt, " +
            "and this is without doubt the costliest mistake of the decade. Tbilisi is no doubt aware of the risk. The country in question " +
            "has made little progress on roads, and its credibility has been cast into doubt, but the government must restore the rule of law.",
            [
                new("HEDGE", "in doubt", "author"),
                new("BOOSTER", "without doubt", "author"),
                new("BOOSTER", "no doubt", "author"),
                new("DEONTIC", "must", "author"),
            ]),
        new("turkey",
            "Ankara will open the border as soon as the treaty is signed. Officials want the crossing ready as soon as possible. " +
            "There is an urgent need for direct flights, and there is a need to restore the railway. " +
            "No serious analyst believes the border will stay closed.",
            [
                new("COMMITMENT", "will open", "Ankara"),
                new("CONDITION", "as soon as", "Ankara"),
                new("DEONTIC", "There is an urgent need for", "author"),
                new("DEONTIC", "there is a need to", "author"),
                new("BOOSTER", "No serious analyst believes", "author"),
            ]),
        new("munich",
            "Aliyev has said he will not sign the treaty until Armenia changes its constitution. \"We cannot accept territorial claims,\" " +
            "he told the Munich Security Conference in February. Pashinyan, for his part, insists that a referendum must wait until after " +
            "the elections. \"It is a mistake,\" the analyst said.",
            [
                new("REFUSAL", "will not sign", "Aliyev"),
                new("CONDITION", "until", "Aliyev"),
                new("REFUSAL", "cannot accept", "Aliyev"),
                new("DEONTIC", "must", "Pashinyan"),
            ]),
        new("openness",
            "Tbilisi has not ruled out a referendum. Baku ruled out any talks. Europe cannot afford to ignore the region.",
            [
                new("COMMITMENT", "has not ruled out", "Tbilisi"),
                new("REFUSAL", "ruled out", "Baku"),
                new("DEONTIC", "cannot afford to", "author"),
            ]),
    ];
}
