"""A note written in Spanish is no list of names: its everyday words (wordfreq's Spanish,
Portuguese and French lists, names of the census lists excepted) get no capital when a
lower-case note is recased, a form's Spanish fields ("Fecha:", "Confidente:") are no speakers,
guesses made only of such words in lower case are dropped, and the ranks as they are shortened
("Agte.", "Sgto.") are ranks (issue 19, stop 42). The texts are new, in none of the corpora."""

from __future__ import annotations

from tests.helpers.detection import surfaces_and_labels

_LOWER_CASE_NOTE = (
    "agte vilma (guayama, policía municipal)... escribiendo desde el cel\n\n"
    "hoy 31 dic x la noche en la plaza tremendo gentío. un señor mayor, don tito? así le dicen... "
    "rafael ortiz maldonado, se puso a tirar cohetes desde la fuente sin mirar y uno me pasó "
    "rozando la cara. otro cayó en un cochecito vacío, gracias a dios vacío.\n\n"
    "lo mandé a parar y su nieta se lo llevó pa la casa. no lo arresté porque tiene como 80 años "
    "y estaba arrepentido.\n\nlo que hay que hacer: prohibir los cohetes en la plaza y poner gente "
    "en la fuente.")


def test_everyday_words_of_a_lower_case_spanish_note_are_no_names(detector):
    spans = surfaces_and_labels(detector, _LOWER_CASE_NOTE)
    flagged = " ".join(surface for surface, _ in spans)
    for word in ("desde", "fuente", "rozando", "mirar", "cohetes", "prohibir"):
        assert word not in flagged, word
    assert any(label == "PERSON" and "rafael ortiz maldonado" in surface for surface, label in spans)


def test_a_spanish_forms_fields_are_no_speakers(detector):
    text = ("INFORME CONFIDENCIAL -- División de Drogas, Área de Guayama\n"
            "Asunto: casi accidente durante compra controlada\nFecha: 14-nov-2024\n"
            "Confidente: CONF-5520\n\nEl confidente CONF-5520 realizó una compra en el punto del "
            "edificio 7. El agente encubierto esperaba en el vehículo. Cuando el confidente salió, "
            "dos jóvenes en motora se acercaron.\n\nRecomendación: la cubierta debe tener visual.")
    spans = surfaces_and_labels(detector, text)
    assert not any(surface.lower() in ("asunto", "fecha", "confidente", "recomendación")
                   for surface, _ in spans)
    assert any(label == "ID" and "5520" in surface for surface, label in spans)


def test_shortened_spanish_ranks_are_no_names(detector):
    text = ("6/1/25, 19:02 - Sgto. Quiñones: pendiente todo el mundo\n"
            "6/1/25, 21:16 - Sgto. Quiñones: no te acerques solo. espera a CG-318\n"
            "6/1/25, 21:32 - Agte. Marisol Vega: ok, voy")
    spans = surfaces_and_labels(detector, text)
    assert not any(surface.lower().startswith(("sgto", "agte")) for surface, _ in spans)
    assert ("Quiñones", "PERSON") in spans


def test_a_spanish_forms_field_labels_in_capitals_are_no_names(detector):
    text = ("NEGOCIADO DE LA POLICÍA -- INFORME DE QUERELLA\nÁREA: GUAYAMA     DISTRITO: ARROYO\n"
            "FECHA DEL INCIDENTE: 04/05/2025     HORA: 22:10\nLUGAR: CALLE MORSE ESQ. CALLE VALERO, ARROYO\n"
            "QUERELLANTE: CARMEN IRIS LEBRÓN SOTO\nVÍCTIMA: LA QUERELLANTE\nDELITO: ART. 93 (TENTATIVA)\n")
    spans = surfaces_and_labels(detector, text)
    assert not any(surface in ("LUGAR", "VÍCTIMA", "DELITO") for surface, _ in spans)
    assert any(label == "PERSON" and "LEBRÓN" in surface for surface, label in spans)
