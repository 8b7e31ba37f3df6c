"""Rebuild the PDFs beside this file from the articles written here, as a reader makes them: Chromium prints a page.

    python tests/documents/data/make_pdfs.py

The articles are the project's own text. The English one is set in a narrow column, so every paragraph runs over
several lines and two words break at a line end (one at a soft hyphen, one at the hyphen of a compound, "four-day-long",
where the text has a line break); the Hindi one
is full of conjuncts and vowel signs written before their consonant (ि), which a PDF stores as glyphs, not letters.
english_pages.pdf is the English article in large type over several pages, printed with the browser's own head and
foot on each page (date and title, address and page number), as a reader prints by default."""

from __future__ import annotations

import html
import subprocess
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

ENGLISH_TITLE = "River towns prepare for the monsoon"
ENGLISH = [
    "The district council of Karwar approved a plan on Monday to raise the embankments along the river before the "
    "monsoon arrives, after two summers in which the water reached the market square.",
    "Engineers said the work would take eleven weeks and cost 4.2 million rupees, most of it for stone and labour. "
    "The council's chair, Meera Joshi, said the plan had been dis\u00adcussed with shopkeepers for a month.",
    "Residents who live closest to the water will be offered temporary rooms in the school during the heaviest "
    "weeks. A well-known fisherman of the town said the new walls were long overdue, and that the four-\nday-long "
    "hearing on the works had been well attended.",
]
HINDI_TITLE = "नदी किनारे के कस्बे मानसून की तैयारी में"
HINDI = [
    "कारवार की ज़िला परिषद ने सोमवार को मानसून से पहले नदी के किनारे तटबंध ऊँचे करने की योजना को मंज़ूरी दी। पिछले "
    "दो वर्षों में पानी बाज़ार के चौक तक पहुँच गया था।",
    "इंजीनियरों ने बताया कि काम ग्यारह सप्ताह में पूरा होगा और इस पर बयालीस लाख रुपये ख़र्च होंगे। परिषद की अध्यक्ष "
    "मीरा जोशी ने कहा कि योजना पर दुकानदारों के साथ एक महीने तक विस्तृत चर्चा की गई।",
    "पानी के सबसे पास रहने वाले परिवारों को भारी बारिश के सप्ताहों में स्कूल में अस्थायी कमरे दिए जाएँगे। शहर के एक "
    "प्रसिद्ध मछुआरे ने कहा कि नई दीवारें बहुत पहले बन जानी चाहिए थीं।",
]


def page(lang: str, title: str, paragraphs: list[str], width: str, size: str = "14pt") -> str:
    # A "\n" in a paragraph is a line break there: a compound word broken at its hyphen, as a narrower column would.
    body = "".join(f"<p>{html.escape(paragraph).replace(chr(10), '<br>')}</p>" for paragraph in paragraphs)
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        f"<style>body {{ width: {width}; font-size: {size} }}</style></head>"
        f"<body><h1>{html.escape(title)}</h1>{body}</body></html>"
    )


def print_to_pdf(markup: str, target: Path, margins: bool = False) -> None:
    """Print a page to PDF; with `margins`, as the browser prints by default: the date and title above each page,
    the address and page number below."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "page.html"
        source.write_text(markup, encoding="utf-8")
        command = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", f"--print-to-pdf={target}",
                   source.as_uri(), *([] if margins else ["--no-pdf-header-footer"])]  # fmt: skip
        subprocess.run(command, check=True, capture_output=True, timeout=120)


def main() -> None:
    print_to_pdf(page("en", ENGLISH_TITLE, ENGLISH, "9cm"), HERE / "english_paragraphs.pdf")
    print_to_pdf(page("hi", HINDI_TITLE, HINDI, "12cm"), HERE / "hindi_article.pdf")
    # Large type over several pages: paragraphs run on from one page to the next, between the browser's margins.
    print_to_pdf(page("en", ENGLISH_TITLE, ENGLISH, "16cm", "34pt"), HERE / "english_pages.pdf", margins=True)


if __name__ == "__main__":
    main()
