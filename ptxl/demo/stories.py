"""Annex C case templates of the demo families marked ``case_study = yes``.

Fictional narratives. Two are loosely inspired by the seed note's "Famille 3"
and "Famille 12" (rewritten, names and details invented); the third shows a
resolved case.
"""

from __future__ import annotations

STORIES = {
    "PT-006": ("2023-02-20", {
        "profile": "Couple népalais (fictif) arrivé en Belgique il y a environ dix-huit ans avec un visa "
                   "touristique, sans titre de séjour depuis. Quatre enfants de 7 à 12 ans, tous nés ici, "
                   "scolarisés et trilingues. Le père travaille de manière informelle ; un large réseau "
                   "d'amis et d'associations aide la famille à tenir.",
        "screening_assessment": "Orientée par une association qui soutient la scolarité des enfants. Les "
                                "critères sont remplis. Le père est découragé après le rejet d'un recours "
                                "qui a duré onze ans ; la mère, appuyée par leur fille aînée, veut encore "
                                "tenter une régularisation. La mère souffre d'anxiété et d'insomnie.",
        "case_planning": "Plan convenu avec les deux parents : soutien psychologique pour la mère, "
                         "réexamen juridique du dossier, constitution d'un dossier de preuves "
                         "d'intégration (lettres de soutien, attestations scolaires).",
        "interventions": "Visites à domicile régulières (17 à la date de référence). Reprise de contact "
                         "avec le cabinet d'avocats qui connaissait le dossier, malgré l'avis contraire "
                         "d'une autre organisation. Avis du Commissaire aux droits de l'enfant. "
                         "Accompagnement de la mère à l'audience du juge de paix lorsque le propriétaire "
                         "a demandé l'expulsion ; recherche d'un nouveau logement.",
        "review": "La demande a été mise en pause pendant la crise du logement, puis reprise. La famille "
                  "a hésité à rejoindre une occupation collective pendant une campagne de "
                  "régularisation, puis a choisi de poursuivre sa propre demande. Certaines lettres de "
                  "soutien ont plus de six mois : à renouveler.",
        "closure_outcome": "Dossier ouvert. Nouvelle demande de régularisation introduite en février 2023 ; "
                           "la famille reste engagée malgré l'inquiétude.",
    }),
    "PT-011": ("2023-02-12", {
        "profile": "Mère seule (fictive) avec trois enfants, dont un fils majeur ; sans papiers depuis de "
                   "nombreuses années après un parcours dans plusieurs pays européens. Le père des "
                   "enfants a été éloigné vers son pays après une détention. La famille avait fui une "
                   "maison de retour quelques années plus tôt.",
        "screening_assessment": "Une première orientation par un bénévole n'avait pas été retenue : la "
                                "belle-famille parlait à la place de la mère et ses souhaits restaient "
                                "inconnus. Réorientée par le mari depuis le centre fermé ; un entretien "
                                "seul à seule a permis de les entendre.",
        "case_planning": "Objectif fixé avec la mère : un retour volontaire en famille, puis, le pays "
                         "d'origine ne reconnaissant ni elle ni les deux plus jeunes, une procédure de "
                         "reconnaissance d'apatridie conseillée par l'Office des étrangers.",
        "interventions": "Explication pas à pas de la procédure, préparation des rendez-vous avec "
                         "l'avocate, accompagnement à l'ambassade pour obtenir une preuve de "
                         "non-reconnaissance. Négociation d'un laissez-passer indiquant que la famille est "
                         "suivie par le projet, pour réduire la peur d'une nouvelle détention.",
        "review": "La mère prend peu à peu ses propres décisions, une expérience nouvelle pour elle. "
                  "Elle fait confiance à sa gestionnaire de cas et exprime mieux ses droits.",
        "closure_outcome": "Dossier ouvert ; procédure d'apatridie en cours, aucune décision à ce jour.",
    }),
    "PT-001": ("2022-02-23", {
        "profile": "Famille irakienne (fictive), deux parents et trois enfants, arrivée en 2008 ; "
                   "demande d'asile refusée en 2010.",
        "screening_assessment": "Orientée par une organisation partenaire. Famille motivée, bien "
                                "entourée, mais sans conseil juridique depuis plusieurs années.",
        "case_planning": "Analyse juridique complète, puis demande de régularisation humanitaire (9bis) "
                         "avec les preuves d'ancrage local.",
        "interventions": "Recherche d'un avocat, rendez-vous préparés ensemble, rassemblement des "
                         "attestations scolaires et des lettres de soutien.",
        "review": "Dossier introduit en mars 2021 ; suivi régulier pendant l'attente de la décision.",
        "closure_outcome": "Résolu : titre de séjour accordé en janvier 2022, carte remise en février. "
                           "Dossier clos le 23 février 2022.",
    }),
}


def case_study_rows() -> list[dict]:
    return [{"case_id": cid, "written_date": written, **stages} for cid, (written, stages) in STORIES.items()]
