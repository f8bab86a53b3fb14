"""Annexes A, B and C of the seed note, question by question.

Short labels head the workbook's columns; the ``help`` texts carry the annex's
full wording (French from the seed, Dutch and English translated by the
project). ``better`` says which end of an annex A score is the good one.
"""

from __future__ import annotations

from .scales import L

# key, short label, full question, better end
ANNEX_A = [
    ("a01_dropout_risk",
     L("Risque d'abandon", "Risico op uitval", "Drop-out risk"),
     L("Comment estimez-vous le risque que la famille quitte le programme ?",
       "Hoe schat u het risico in dat het gezin het programma verlaat?",
       "How do you rate the risk that the family leaves the programme?"), "low"),
    ("a02_autonomy",
     L("Autonomie", "Zelfstandigheid", "Autonomy"),
     L("Dans quelle mesure la famille est-elle autonome / indépendante ?",
       "In welke mate is het gezin zelfstandig / onafhankelijk?",
       "How autonomous / independent is the family?"), "high"),
    ("a03_trust_authorities",
     L("Confiance dans les autorités", "Vertrouwen in de overheid", "Trust in authorities"),
     L("Quel est leur niveau de confiance dans les autorités / procédures ?",
       "Hoeveel vertrouwen hebben zij in de overheid / procedures?",
       "How much do they trust the authorities / procedures?"), "high"),
    ("a04_trust_lawyer",
     L("Confiance dans l'avocat", "Vertrouwen in de advocaat", "Trust in lawyer"),
     L("Quel est leur niveau de confiance dans leur avocat ou dans les avocats en général ?",
       "Hoeveel vertrouwen hebben zij in hun advocaat of in advocaten in het algemeen?",
       "How much do they trust their lawyer, or lawyers in general?"), "high"),
    ("a05_information",
     L("Information sur les procédures", "Kennis van de procedures", "Information on procedures"),
     L("Quel est leur niveau d'information sur le contenu des procédures ?",
       "Hoe goed zijn zij geïnformeerd over de inhoud van de procedures?",
       "How well informed are they about what the procedures involve?"), "high"),
    ("a06_agency",
     L("Capacité d'agir", "Handelingsbekwaamheid", "Agency"),
     L("Sont-ils encore capables de prendre des actions / décisions par eux-mêmes ?",
       "Zijn zij nog in staat om zelf acties te ondernemen / beslissingen te nemen?",
       "Are they still able to take actions / decisions by themselves?"), "high"),
    ("a07_cooperation",
     L("Envie de coopérer", "Bereidheid tot samenwerking", "Willingness to cooperate"),
     L("Sont-ils enthousiastes à l'idée de coopérer avec le gestionnaire de cas ?",
       "Staan zij open voor samenwerking met de casemanager?",
       "Are they keen to cooperate with the case manager?"), "high"),
    ("a08_wellbeing",
     L("Bien-être général", "Algemeen welzijn", "General wellbeing"),
     L("Comment est leur bien-être général ?",
       "Hoe is hun algemeen welzijn?",
       "How is their general wellbeing?"), "high"),
    ("a09_vulnerability",
     L("Vulnérabilité", "Kwetsbaarheid", "Vulnerability"),
     L("Quel est leur degré de vulnérabilité ?",
       "Hoe kwetsbaar zijn zij?",
       "How vulnerable are they?"), "low"),
    ("a10_hope",
     L("Espoir dans l'avenir", "Hoop voor de toekomst", "Hope for the future"),
     L("Quel est leur degré d'espoir dans l'avenir ?",
       "Hoeveel hoop hebben zij voor de toekomst?",
       "How much hope do they have for the future?"), "high"),
    ("a11_housing",
     L("Logement", "Huisvesting", "Housing"),
     L("Quelle est la qualité de leur situation en matière de logement ?",
       "Hoe goed is hun huisvestingssituatie?",
       "How good is their housing situation?"), "high"),
    ("a12_social_network",
     L("Réseau social", "Sociaal netwerk", "Social network"),
     L("Quelle est l'étendue de leur réseau social ?",
       "Hoe uitgebreid is hun sociaal netwerk?",
       "How wide is their social network?"), "high"),
    ("a13_stability",
     L("Stabilité de vie", "Stabiliteit van de leefsituatie", "Stability of living situation"),
     L("Quelle est la stabilité de leur situation de vie ?",
       "Hoe stabiel is hun leefsituatie?",
       "How stable is their living situation?"), "high"),
    ("a14_detention_risk",
     L("Risque de détention", "Risico op detentie", "Detention risk"),
     L("Le risque de détention est-il élevé ?",
       "Is het risico op detentie hoog?",
       "Is the risk of detention high?"), "low"),
]

# Annex B, impact part: key, scale ('impact' | 'yes_no' | 'text'), group, short label, full question
ANNEX_B = [
    ("engagement_capacity", "impact", "general",
     L("Capacité à s'engager dans les procédures", "Vermogen om zich in te zetten in de procedures",
       "Capacity to engage in procedures"),
     L("Selon vous, votre soutien en matière de gestion de cas a-t-il eu un impact positif sur la "
       "capacité de la personne à s'engager dans les procédures d'immigration au fil du temps ?",
       "Heeft uw casemanagement volgens u na verloop van tijd een positieve impact gehad op het "
       "vermogen van de persoon om zich in te zetten in de migratieprocedures?",
       "In your view, has your case management support had a positive impact on the person's "
       "capacity to engage in immigration procedures over time?")),
    ("risk_level", "impact", "general",
     L("Niveau de risque", "Risiconiveau", "Risk level"),
     L("Selon vous, votre soutien en matière de gestion de cas a-t-il eu un impact positif sur le "
       "niveau de risque de la personne au fil du temps ?",
       "Heeft uw casemanagement volgens u na verloop van tijd een positieve impact gehad op het "
       "risiconiveau van de persoon?",
       "In your view, has your case management support had a positive impact on the person's "
       "level of risk over time?")),
    ("trust_in_system", "impact", "general",
     L("Confiance dans le système", "Vertrouwen in het systeem", "Trust in the system"),
     L("Selon vous, votre soutien à la gestion de cas a-t-il eu un impact positif sur le niveau de "
       "confiance de la personne dans le système au fil du temps ?",
       "Heeft uw casemanagement volgens u na verloop van tijd een positieve impact gehad op het "
       "vertrouwen van de persoon in het systeem?",
       "In your view, has your case management support had a positive impact on the person's "
       "level of trust in the system over time?")),
    # Group 1
    ("g1_informed_decisions", "impact", "g1",
     L("G1 – Décision éclairée", "G1 – Geïnformeerde beslissing", "G1 – Informed decisions"),
     L("La gestion de cas a-t-elle amélioré la capacité de l'individu à participer à un processus de "
       "décision éclairé dans les procédures d'immigration au fil du temps ?",
       "Heeft casemanagement na verloop van tijd het vermogen van de persoon verbeterd om deel te "
       "nemen aan een geïnformeerd beslissingsproces in de migratieprocedures?",
       "Has case management improved the individual's capacity to participate in informed "
       "decision-making in immigration procedures over time?")),
    ("g1_obstacles", "text", "g1",
     L("G1 – Obstacles", "G1 – Obstakels", "G1 – Obstacles"),
     L("Existait-il des obstacles particuliers à l'engagement dans les procédures d'immigration en ce "
       "qui concerne la participation à la prise de décision informée ? Quels étaient ces obstacles ? "
       "Ont-ils été surmontés ?",
       "Waren er bijzondere obstakels voor deelname aan geïnformeerde besluitvorming? Welke? "
       "Werden ze overwonnen?",
       "Were there particular obstacles to participating in informed decision-making? What were "
       "they? Were they overcome?")),
    ("g1_more_information", "yes_no", "g1",
     L("G1 – Plus d'informations", "G1 – Meer informatie", "G1 – More information"),
     L("Reçoivent-elles plus d'informations et de conseils qu'auparavant pour les aider à comprendre "
       "leur propre situation et à mieux planifier leur avenir ?",
       "Krijgen zij meer informatie en advies dan vroeger om hun situatie te begrijpen en hun "
       "toekomst beter te plannen?",
       "Do they receive more information and advice than before to help them understand their "
       "own situation and plan their future better?")),
    ("g1_constructive_choices", "yes_no", "g1",
     L("G1 – Choix plus constructifs", "G1 – Meer constructieve keuzes", "G1 – More constructive choices"),
     L("Font-elles des choix plus constructifs concernant leur dossier d'immigration ? (Par exemple, "
       "avaient-elles l'intention d'entrer dans la clandestinité / de s'enfuir auparavant) ?",
       "Maken zij meer constructieve keuzes in hun migratiedossier? (Wilden zij bijvoorbeeld "
       "vroeger onderduiken?)",
       "Are they making more constructive choices about their immigration case? (For example, "
       "did they intend to abscond before?)")),
    ("g1_confidence_procedures", "yes_no", "g1",
     L("G1 – Confiance dans les procédures", "G1 – Vertrouwen in de procedures",
       "G1 – Confidence in procedures"),
     L("Ont-elles plus confiance dans les procédures migratoires ?",
       "Hebben zij meer vertrouwen in de migratieprocedures?",
       "Do they feel more confident in immigration procedures?")),
    ("g1_engaged_with_cm", "yes_no", "g1",
     L("G1 – Engagement avec le GC", "G1 – Betrokkenheid bij de casemanager",
       "G1 – Engaged with case manager"),
     L("Sont-elles mieux engagées avec les gestionnaires de cas ?",
       "Werken zij beter samen met de casemanagers?",
       "Are they better engaged with the case managers?")),
    ("g1_consequences", "yes_no", "g1",
     L("G1 – Comprendre les conséquences", "G1 – Gevolgen begrijpen", "G1 – Understand consequences"),
     L("Sont-elles plus en mesure de comprendre les conséquences de leurs actes ?",
       "Kunnen zij de gevolgen van hun daden beter begrijpen?",
       "Are they better able to consider the consequences of their actions?")),
    # Group 2
    ("g2_timely_fair_resolution", "impact", "g2",
     L("G2 – Résolution rapide et équitable", "G2 – Snelle en billijke afhandeling",
       "G2 – Timely and fair resolution"),
     L("La gestion des cas a-t-elle contribué à une résolution rapide et équitable des cas pour "
       "l'individu au fil du temps ?",
       "Heeft casemanagement na verloop van tijd bijgedragen tot een snelle en billijke afhandeling "
       "van het dossier van de persoon?",
       "Has case management contributed to a timely and fair case resolution for the individual "
       "over time?")),
    ("g2_obstacles", "text", "g2",
     L("G2 – Obstacles", "G2 – Obstakels", "G2 – Obstacles"),
     L("Y avait-il des obstacles particuliers à la contribution à la résolution rapide et équitable "
       "des cas ? Quels étaient ces obstacles ? Ont-ils été surmontés ?",
       "Waren er bijzondere obstakels voor een snelle en billijke afhandeling? Welke? Werden ze "
       "overwonnen?",
       "Were there particular obstacles to a timely and fair resolution? What were they? Were they "
       "overcome?")),
    ("g2_initiative", "yes_no", "g2",
     L("G2 – Plus d'initiatives", "G2 – Meer initiatief", "G2 – More initiative"),
     L("Prennent-elles plus d'initiatives pour contacter les autorités ? Travaillent-elles plus "
       "régulièrement sur leurs dossiers d'immigration ? Prennent-elles des mesures pour faire "
       "avancer la résolution de leur cas ?",
       "Nemen zij meer initiatief om de overheid te contacteren? Werken zij regelmatiger aan hun "
       "migratiedossier? Ondernemen zij stappen om hun dossier vooruit te helpen?",
       "Do they take more initiative to contact the authorities? Do they work on their "
       "immigration case more regularly? Do they take steps to move their case forward?")),
    ("g2_exercise_rights", "yes_no", "g2",
     L("G2 – Exercer leurs droits", "G2 – Rechten uitoefenen", "G2 – Exercise rights"),
     L("Peuvent-elles mieux exercer leurs droits juridiques et autres ?",
       "Kunnen zij hun juridische en andere rechten beter uitoefenen?",
       "Can they better exercise their legal and other rights?")),
    ("g2_explore_options", "yes_no", "g2",
     L("G2 – Explorer toutes les options", "G2 – Alle opties verkennen", "G2 – Explore all options"),
     L("Peuvent-elles explorer toutes les options, y compris la régularisation ?",
       "Kunnen zij alle opties verkennen, ook regularisatie?",
       "Can they explore all options, including regularisation?")),
    ("g2_cooperate_conditions", "yes_no", "g2",
     L("G2 – Coopération aux conditions", "G2 – Naleving van voorwaarden", "G2 – Cooperate with conditions"),
     L("Coopèrent-elles mieux avec les autorités par rapport aux conditions qui leur ont été "
       "imposées ?",
       "Werken zij beter mee met de overheid wat betreft de voorwaarden die hun werden opgelegd?",
       "Do they cooperate better with the conditions imposed on them by the authorities?")),
    ("g2_authorities_informed", "yes_no", "g2",
     L("G2 – Autorités mieux informées", "G2 – Overheid beter geïnformeerd", "G2 – Authorities better informed"),
     L("Pensez-vous que les autorités ont plus de / une meilleure information sur les familles "
       "maintenant, en raison d'une meilleure communication ?",
       "Denkt u dat de overheid nu meer / betere informatie over de gezinnen heeft, dankzij betere "
       "communicatie?",
       "Do you think the authorities now have more / better information on the families, thanks "
       "to better communication?")),
    # Group 3
    ("g3_coping_wellbeing", "impact", "g3",
     L("G3 – Adaptation et bien-être", "G3 – Veerkracht en welzijn", "G3 – Coping and wellbeing"),
     L("La gestion de cas améliore-t-elle l'adaptation et le bien-être des individus (ce qui leur "
       "permet de mieux s'engager dans les procédures d'immigration) au fil du temps ?",
       "Verbetert casemanagement na verloop van tijd de veerkracht en het welzijn van personen "
       "(waardoor zij zich beter kunnen inzetten in de migratieprocedures)?",
       "Does case management improve individuals' coping and wellbeing (enabling them to engage "
       "better in immigration procedures) over time?")),
    ("g3_obstacles", "text", "g3",
     L("G3 – Obstacles", "G3 – Obstakels", "G3 – Obstacles"),
     L("Y avait-il des obstacles particuliers à l'amélioration de l'adaptation et du bien-être de la "
       "personne ? Quels étaient ces obstacles ? Ont-ils été surmontés ?",
       "Waren er bijzondere obstakels voor de veerkracht en het welzijn van de persoon? Welke? "
       "Werden ze overwonnen?",
       "Were there particular obstacles to improving the person's coping and wellbeing? What were "
       "they? Were they overcome?")),
    ("g3_less_vulnerable", "yes_no", "g3",
     L("G3 – Moins vulnérables", "G3 – Minder kwetsbaar", "G3 – Less vulnerable"),
     L("Sont-elles moins vulnérables ?", "Zijn zij minder kwetsbaar?", "Are they less vulnerable?")),
    ("g3_more_hope", "yes_no", "g3",
     L("G3 – Plus d'espoir", "G3 – Meer hoop", "G3 – More hope"),
     L("Ont-elles plus d'espoir pour l'avenir ?", "Hebben zij meer hoop voor de toekomst?",
       "Do they have more hope for the future?")),
    ("g3_trust_system", "yes_no", "g3",
     L("G3 – Confiance dans le système", "G3 – Vertrouwen in het systeem", "G3 – Trust in the system"),
     L("Ont-elles plus confiance dans le système qu'avant ?",
       "Hebben zij meer vertrouwen in het systeem dan vroeger?",
       "Do they trust the system more than before?")),
    ("g3_psychosocial", "yes_no", "g3",
     L("G3 – Bien-être psychosocial", "G3 – Psychosociaal welzijn", "G3 – Psychosocial wellbeing"),
     L("Leur bien-être psychosocial est-il meilleur (activités communautaires, état psychologique) ?",
       "Is hun psychosociaal welzijn beter (gemeenschapsactiviteiten, psychische toestand)?",
       "Is their psychosocial wellbeing better (community activities, psychological state)?")),
    ("g3_livelihood", "yes_no", "g3",
     L("G3 – Subsistance", "G3 – Levensonderhoud", "G3 – Livelihood"),
     L("Leur situation de subsistance est-elle meilleure ?",
       "Is hun situatie qua levensonderhoud beter?",
       "Is their livelihood situation better?")),
    ("g3_housing", "yes_no", "g3",
     L("G3 – Logement", "G3 – Huisvesting", "G3 – Housing"),
     L("Leur situation en matière de logement est-elle meilleure ?",
       "Is hun huisvestingssituatie beter?",
       "Is their housing situation better?")),
    ("g3_stabilised", "yes_no", "g3",
     L("G3 – Plus stabilisées", "G3 – Meer gestabiliseerd", "G3 – More stabilised"),
     L("Sont-elles plus stabilisées qu'avant ? Gardent-elles plus régulièrement le contact avec le "
       "projet ?",
       "Zijn zij stabieler dan vroeger? Houden zij regelmatiger contact met het project?",
       "Are they more stabilised than before? Do they keep in touch with the project more "
       "regularly?")),
    ("other_observations", "text", "final",
     L("Autres observations", "Andere opmerkingen", "Other observations"),
     L("D'autres observations ?", "Andere opmerkingen?", "Any other observations?")),
    ("key_factors", "text", "final",
     L("Facteurs clés", "Sleutelfactoren", "Key factors"),
     L("Qu'est-ce qui a sapé, bloqué ou limité l'impact positif potentiel de votre soutien en matière "
       "de gestion de cas pour cette personne ? Ou quels facteurs ont conduit à une issue "
       "particulièrement favorable pour cette personne ?",
       "Wat heeft de mogelijke positieve impact van uw casemanagement voor deze persoon ondermijnd, "
       "geblokkeerd of beperkt? Of welke factoren leidden tot een bijzonder gunstige afloop?",
       "What undermined, blocked or limited the potential positive impact of your case management "
       "support for this person? Or what factors led to a particularly positive outcome?")),
]

# Groups of annex B as the seed note titles its tables.
GROUPS = {
    "general": L("La gestion de cas a-t-elle influencé la capacité des familles à s'engager dans le "
                 "système d'immigration et d'asile et leur perception de celui-ci ?",
                 "Heeft casemanagement het vermogen van de gezinnen beïnvloed om zich in te zetten "
                 "in het migratie- en asielsysteem, en hun perceptie ervan?",
                 "Did case management influence the families' capacity to engage with the "
                 "immigration and asylum system, and their perception of it?"),
    "g1": L("Groupe 1 – Prise de décision éclairée", "Groep 1 – Geïnformeerde besluitvorming",
            "Group 1 – Informed decision-making"),
    "g2": L("Groupe 2 – Résolution rapide et équitable des cas", "Groep 2 – Snelle en billijke afhandeling",
            "Group 2 – Timely and fair case resolution"),
    "g3": L("Groupe 3 – Adaptation et bien-être des individus", "Groep 3 – Veerkracht en welzijn",
            "Group 3 – Coping and wellbeing of individuals"),
    "final": L("Dernière question", "Laatste vraag", "Last question"),
}

# Annex B, question 4: the 17-item vulnerability checklist.
VULNERABILITIES = [
    ("v01_child", L("Enfant", "Kind", "Child")),
    ("v02_pregnant_nursing", L("Femme ou fille enceinte, ou mère allaitante",
                               "Zwangere vrouw of meisje, of zogende moeder",
                               "Pregnant woman or girl, or nursing mother")),
    ("v03_sole_carer", L("Personne s'occupant seule ou à titre principal (d'un enfant à charge, d'une "
                         "personne âgée ou d'une personne handicapée)",
                         "Alleen- of hoofdverzorger (van een kind, oudere of persoon met een handicap)",
                         "Sole or primary carer (of a dependent child, older person or person with a "
                         "disability)")),
    ("v04_gbv", L("Violence fondée sur le genre, violence sexuelle, violence et abus familiaux",
                  "Gendergerelateerd geweld, seksueel geweld, huiselijk geweld en misbruik",
                  "Gender-based violence, sexual violence, domestic violence and abuse")),
    ("v05_sogi", L("Orientation sexuelle et identité de genre", "Seksuele oriëntatie en genderidentiteit",
                   "Sexual orientation and gender identity")),
    ("v06_health", L("Problèmes de santé physique et mentale", "Fysieke en mentale gezondheidsproblemen",
                     "Physical and mental health problems")),
    ("v07_suicide_risk", L("Risque de suicide", "Suïciderisico", "Suicide risk")),
    ("v08_disability", L("Handicap", "Handicap", "Disability")),
    ("v09_older_person", L("Personne âgée", "Oudere persoon", "Older person")),
    ("v10_substance_use", L("Toxicomanie", "Middelengebruik", "Substance use")),
    ("v11_destitution", L("Indigence", "Behoeftigheid", "Destitution")),
    ("v12_refugee_asylum", L("Réfugié et demandeur d'asile", "Vluchteling en asielzoeker",
                             "Refugee and asylum seeker")),
    ("v13_torture_trauma", L("Survivant de torture et de traumatisme", "Overlevende van foltering en trauma",
                             "Survivor of torture and trauma")),
    ("v14_violent_crime", L("Survivant d'une violence sexuelle ou sexiste ou d'un autre crime violent",
                            "Overlevende van seksueel of gendergerelateerd geweld of een ander geweldmisdrijf",
                            "Survivor of sexual or gender-based violence or other violent crime")),
    ("v15_trafficking", L("Victimes de la traite des personnes", "Slachtoffer van mensenhandel",
                          "Victim of human trafficking")),
    ("v16_stateless", L("Apatride", "Staatloos", "Stateless")),
    ("v17_minority_risk", L("Minorité exposée à un risque de violence xénophobe",
                            "Minderheid met risico op xenofoob geweld",
                            "Minority at risk of xenophobic violence")),
]

# Annex C: the six stages of the case template.
ANNEX_C = [
    ("profile", L("Profil du bénéficiaire", "Profiel van de cliënt", "Client profile")),
    ("screening_assessment", L("Dépistage et évaluation", "Screening en beoordeling", "Screening and assessment")),
    ("case_planning", L("Planification des cas", "Casusplanning", "Case planning")),
    ("interventions", L("Interventions", "Interventies", "Interventions")),
    ("review", L("Révision", "Herziening", "Review")),
    ("closure_outcome", L("Clôture du dossier / résultat / statut", "Afsluiting / resultaat / status",
                          "Case closure / outcome / status")),
]

# Admission criteria (section "Les étapes de Plan Together").
CRITERIA = [
    ("crit_children_under_18", L("Enfants de moins de 18 ans", "Kinderen jonger dan 18", "Children under 18"),
     L("Famille avec enfants de moins de 18 ans", "Gezin met kinderen jonger dan 18 jaar",
       "Family with children under 18")),
    ("crit_no_residence_permit", L("Sans titre de séjour", "Zonder verblijfsvergunning", "No residence permit"),
     L("Sans titre de séjour", "Zonder verblijfsvergunning", "Without a residence permit")),
    ("crit_detention_risk", L("Risque de détention", "Risico op detentie", "Detention risk"),
     L("Risque de détention", "Risico op detentie", "At risk of detention")),
    ("crit_stable_housing", L("Logement stable", "Stabiele huisvesting", "Stable housing"),
     L("Avoir accès à un logement stable", "Toegang hebben tot stabiele huisvesting",
       "Has access to stable housing")),
    ("crit_no_public_order_record", L("Pas d'antécédents d'ordre public", "Geen openbare-ordefeiten",
                                      "No public-order record"),
     L("Ne pas avoir d'antécédents graves en matière d'ordre public",
       "Geen ernstige feiten van openbare orde", "No serious public-order record")),
    ("crit_willing_to_engage", L("Disposée à s'engager", "Bereid tot samenwerking", "Willing to engage"),
     L("Disposées à s'engager et à travailler avec les gestionnaires de cas",
       "Bereid om zich in te zetten en met de casemanagers samen te werken",
       "Willing to engage and work with the case managers")),
    ("crit_no_major_medical_issues", L("Pas de problème médical majeur", "Geen grote medische problemen",
                                       "No major medical issues"),
     L("Pas de problèmes médicaux ou psychologiques majeurs",
       "Geen grote medische of psychologische problemen", "No major medical or psychological issues")),
]
