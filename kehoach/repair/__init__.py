"""Vietnamese diacritic restoration and OCR letter repair (issue 3).

``Repairer.load()`` gives the shared instance with the committed 4-gram model; ``repair_text``
keeps line structure and leaves correct lines unchanged. See docs/REPAIR.md.
"""

from kehoach.repair.repairer import Repairer, garbling_score, repair_text
from kehoach.repair.syllables import normalize_tone_placement

__all__ = ["Repairer", "garbling_score", "normalize_tone_placement", "repair_text"]
