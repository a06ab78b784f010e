import "server-only";

// Letters that Unicode decomposition does not reduce to a base letter, mapped as Entra's
// NormalizeDiacritics table documents (ß→ss, æ→ae, ø→oe, ł→l, ı→i, …).
const LETTERS_WITHOUT_DECOMPOSITION: Readonly<Record<string, string>> = {
  ß: "ss",
  ẞ: "SS",
  æ: "ae",
  Æ: "AE",
  ø: "oe",
  Ø: "OE",
  œ: "oe",
  Œ: "OE",
  ł: "l",
  Ł: "L",
  ı: "i",
  đ: "d",
  Đ: "D",
};

const COMBINING_MARKS = /\p{M}/gu;
const MAPPED_LETTERS = new RegExp(`[${Object.keys(LETTERS_WITHOUT_DECOMPOSITION).join("")}]`, "gu");

/** "Zoë Øster-Åberg" → "Zoe Oester-Aberg": accents dropped, special letters spelled out. */
export function normalizeDiacritics(text: string): string {
  return text
    .normalize("NFD")
    .replace(COMBINING_MARKS, "")
    .replace(MAPPED_LETTERS, (letter) => LETTERS_WITHOUT_DECOMPOSITION[letter] ?? letter)
    .normalize("NFC");
}
