import "server-only";

/** .NET's DateTimeStyles: how FormatDateTime reads its source. */
export interface DateTimeStyles {
  allowLeadingWhite: boolean;
  allowTrailingWhite: boolean;
  allowInnerWhite: boolean;
  noCurrentDateDefault: boolean;
  adjustToUniversal: boolean;
  assumeLocal: boolean;
  assumeUniversal: boolean;
  roundtripKind: boolean;
}

type StyleFlag = keyof DateTimeStyles;

const FLAGS: Readonly<Record<string, readonly StyleFlag[]>> = {
  none: [],
  allowleadingwhite: ["allowLeadingWhite"],
  allowtrailingwhite: ["allowTrailingWhite"],
  allowinnerwhite: ["allowInnerWhite"],
  allowwhitespaces: ["allowLeadingWhite", "allowTrailingWhite", "allowInnerWhite"],
  nocurrentdatedefault: ["noCurrentDateDefault"],
  adjusttouniversal: ["adjustToUniversal"],
  assumelocal: ["assumeLocal"],
  assumeuniversal: ["assumeUniversal"],
  roundtripkind: ["roundtripKind"],
};

const BITS: readonly [number, StyleFlag][] = [
  [1, "allowLeadingWhite"],
  [2, "allowTrailingWhite"],
  [4, "allowInnerWhite"],
  [8, "noCurrentDateDefault"],
  [16, "adjustToUniversal"],
  [32, "assumeLocal"],
  [64, "assumeUniversal"],
  [128, "roundtripKind"],
];

const NAMES =
  "None, AllowLeadingWhite, AllowTrailingWhite, AllowInnerWhite, AllowWhiteSpaces, NoCurrentDateDefault, AdjustToUniversal, AssumeLocal, AssumeUniversal, RoundtripKind";

export class DateTimeStylesError extends Error {}

function none(): DateTimeStyles {
  return {
    allowLeadingWhite: false,
    allowTrailingWhite: false,
    allowInnerWhite: false,
    noCurrentDateDefault: false,
    adjustToUniversal: false,
    assumeLocal: false,
    assumeUniversal: false,
    roundtripKind: false,
  };
}

/** Documented default when dateTimeStyles is left empty: RoundtripKind, AllowLeadingWhite, AllowTrailingWhite. */
export function defaultDateTimeStyles(): DateTimeStyles {
  return { ...none(), roundtripKind: true, allowLeadingWhite: true, allowTrailingWhite: true };
}

/** Reads "AdjustToUniversal, AssumeUniversal" (names in any case, `DateTimeStyles.` optional, `,` or `|`) or a number. */
export function parseDateTimeStyles(text: string): DateTimeStyles {
  const styles = none();
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) {
    const bits = Number(trimmed);
    if (bits > 255) throw new DateTimeStylesError(`${trimmed} is not a DateTimeStyles value (0 to 255)`);
    for (const [bit, flag] of BITS) if (bits & bit) styles[flag] = true;
  } else {
    for (const part of trimmed.split(/[,|]/)) {
      const name = part.trim().replace(/^(System\.Globalization\.)?DateTimeStyles\./i, "");
      const flags = FLAGS[name.toLowerCase()];
      if (!flags) throw new DateTimeStylesError(`${JSON.stringify(part.trim())} is not one of ${NAMES}`);
      for (const flag of flags) styles[flag] = true;
    }
  }
  checkCombination(styles);
  return styles;
}

/** The combinations .NET refuses. */
function checkCombination(styles: DateTimeStyles): void {
  if (styles.assumeLocal && styles.assumeUniversal) {
    throw new DateTimeStylesError("AssumeLocal and AssumeUniversal cannot be combined");
  }
  if (styles.roundtripKind && (styles.assumeLocal || styles.assumeUniversal || styles.adjustToUniversal)) {
    throw new DateTimeStylesError(
      "RoundtripKind cannot be combined with AssumeLocal, AssumeUniversal or AdjustToUniversal",
    );
  }
}
