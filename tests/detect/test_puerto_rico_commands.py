"""Puerto Rico's police commands named for their town are agencies: "Área de Ponce", "Distrito
de Juana Díaz", "Cuartel de Yauco", "Precinto de Puerto Nuevo" (issue 19, stop 42). (Where NER
takes a long Spanish phrase around one for a person or a place, NER's span still wins.) The texts are
new, in none of the corpora."""

from __future__ import annotations

from tests.helpers.detection import surfaces_and_labels


def test_commands_named_for_their_town_are_agencies(detector):
    text = ("Agte. Wilmarie Santos Rivera, placa 31180, Área de Guayama. Me mandaron al Cuartel de "
            "Maunabo en 1998. Ofc. Luis Matos, NPPR Distrito de Salinas, took the report.")
    spans = surfaces_and_labels(detector, text)
    for command in ("Área de Guayama", "Cuartel de Maunabo", "Distrito de Salinas"):
        assert any(label == "AGENCY" and command in surface for surface, label in spans), command
