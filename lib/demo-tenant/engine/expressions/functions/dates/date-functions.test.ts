import { describe, expect, it } from "vitest";

import { attributeReaderOf, evaluateExpression, type ExpressionValue } from "../../index";

// The clock of the documented Now() sample, 7/2/2021 3:33:38 PM UTC.
const NOW = new Date("2021-07-02T15:33:38Z");
const evaluate = (text: string, attributes: Record<string, ExpressionValue> = {}, now = NOW) =>
  evaluateExpression(text, attributeReaderOf(attributes), { now: () => now });

describe("CDate", () => {
  it.each([
    ["2020-03-16-07:00", "3/16/2020 7:00:00 AM"],
    ["2021-06-30+08:00", "6/29/2021 4:00:00 PM"],
    ["2009-06-15T01:45:30-07:00", "6/15/2009 8:45:30 AM"],
  ])("gives the UTC equivalent of %s (docs)", (input, output) => {
    expect(evaluate("CDate([StatusHireDate])", { StatusHireDate: input })).toBe(output);
    expect(evaluate(`CDate("${input}")`)).toBe(output);
  });

  it.each([
    ["6/15/2009 8:45:30 AM", "6/15/2009 8:45:30 AM"],
    ["6/15/2009 20:45", "6/15/2009 8:45:00 PM"],
    ["2009-06-15 08:45:30.1234567Z", "6/15/2009 8:45:30 AM"],
    ["2009-06-15T00:00:00+0530", "6/14/2009 6:30:00 PM"],
    ["2009/06/15", "6/15/2009 12:00:00 AM"],
    ["June 15, 2009", "6/15/2009 12:00:00 AM"],
    ["15 Jun 2009 12:00 PM", "6/15/2009 12:00:00 PM"],
    ["Mon, 15 Jun 2009 08:45:30 GMT", "6/15/2009 8:45:30 AM"],
    ["  2009-06-15  ", "6/15/2009 12:00:00 AM"],
    ["8:05 PM", "7/2/2021 8:05:00 PM"],
  ])("reads %j as .NET's DateTime.Parse does", (input, output) => {
    expect(evaluate("CDate([d])", { d: input })).toBe(output);
  });

  it("gives null for null and empty", () => {
    expect(evaluate("CDate([missing])")).toBeNull();
    expect(evaluate("CDate([d])", { d: "" })).toBeNull();
  });

  it.each([
    "next Tuesday",
    "2021-02-30",
    "13/01/2021",
    "2021-06-30T25:00",
    "2021-06-30+15:00",
    "Foo, 15 Jun 2009",
  ])("names %j as not a date", (input) => {
    expect(() => evaluate("CDate([d])", { d: input })).toThrow(
      `CDate: expression ${JSON.stringify(input)} is not a date and time`,
    );
  });

  it("refuses several values", () => {
    expect(() => evaluate("CDate([d])", { d: ["2021-01-01", "2021-01-02"] })).toThrow(
      /CDate: expression must be a single value but has 2 values/,
    );
  });
});

describe("Now", () => {
  it("gives the injected clock's time in the documented format", () => {
    expect(evaluate("Now()")).toBe("7/2/2021 3:33:38 PM");
    expect(evaluate("Now()", {}, new Date("2021-07-02T00:00:09.999Z"))).toBe("7/2/2021 12:00:09 AM");
    expect(evaluate("Now()", {}, new Date("2021-07-02T12:30:00Z"))).toBe("7/2/2021 12:30:00 PM");
  });
  it("uses the real clock when none is injected", () => {
    const before = Date.now();
    const text = evaluateExpression("Now()", attributeReaderOf({})) as string;
    expect(text).toMatch(/^\d{1,2}\/\d{1,2}\/\d{4} \d{1,2}:\d{2}:\d{2} [AP]M$/);
    const read = Date.parse(`${text} UTC`);
    expect(Math.abs(read - before)).toBeLessThan(5_000);
  });
  it("takes no argument", () => {
    expect(() => evaluate('Now("UTC")')).toThrow(/Now takes at most 0 arguments but got 1/);
  });
});

describe("DateAdd", () => {
  const hired = { StatusHireDate: "2012-03-16-07:00" };
  it.each([
    ['"d"', "7", "3/23/2012 7:00:00 AM"],
    ['"d"', "-10", "3/6/2012 7:00:00 AM"],
    ['"ww"', "2", "3/30/2012 7:00:00 AM"],
    ['"m"', "10", "1/16/2013 7:00:00 AM"],
    ['"yyyy"', "2", "3/16/2014 7:00:00 AM"],
  ])("DateAdd(%s, %s, CDate([StatusHireDate])) is %s (docs)", (interval, value, output) => {
    expect(evaluate(`DateAdd(${interval}, ${value}, CDate([StatusHireDate]))`, hired)).toBe(output);
  });

  it("adds hours, minutes and seconds, and reads a date string without CDate", () => {
    expect(evaluate('DateAdd("h", 5, "2012-03-16-07:00")')).toBe("3/16/2012 12:00:00 PM");
    expect(evaluate('DateAdd("n", -90, "3/16/2012 7:00:00 AM")')).toBe("3/16/2012 5:30:00 AM");
    expect(evaluate('DateAdd("s", 86400, "2012-03-16")')).toBe("3/17/2012 12:00:00 AM");
    expect(evaluate('DateAdd("D", 1, Now())')).toBe("7/3/2021 3:33:38 PM");
  });

  it("keeps the day of the month, or the month's last day when it has fewer", () => {
    expect(evaluate('DateAdd("m", 1, "2021-01-31")')).toBe("2/28/2021 12:00:00 AM");
    expect(evaluate('DateAdd("m", 1, "2024-01-31")')).toBe("2/29/2024 12:00:00 AM");
    expect(evaluate('DateAdd("yyyy", 1, "2020-02-29")')).toBe("2/28/2021 12:00:00 AM");
    expect(evaluate('DateAdd("m", -13, "2021-03-31")')).toBe("2/29/2020 12:00:00 AM");
  });

  it("gives null when the date or the value has none", () => {
    expect(evaluate('DateAdd("d", 7, CDate([missing]))')).toBeNull();
    expect(evaluate('DateAdd("d", [missing], "2021-01-01")')).toBeNull();
  });

  it("names the interval, the value or the date that is wrong", () => {
    expect(() => evaluate('DateAdd("q", 1, Now())')).toThrow(
      'DateAdd: interval must be one of yyyy, m, d, ww, h, n, s, got "q"',
    );
    expect(() => evaluate('DateAdd("d", "seven", Now())')).toThrow(
      'DateAdd: value must be an integer, got "seven"',
    );
    expect(() => evaluate('DateAdd("d", 1, "soon")')).toThrow(
      /DateAdd: dateTime "soon" is not a date and time/,
    );
    expect(() => evaluate('DateAdd("yyyy", 9000, Now())')).toThrow(
      "DateAdd: the result is outside the years 1 to 9999",
    );
    expect(() => evaluate('DateAdd("d", 1)')).toThrow("DateAdd requires its dateTime argument");
  });
});

describe("DateDiff", () => {
  it.each([
    ["d", "2021-08-18+08:00", "2021-08-31+08:00", "13"],
    ["d", "8/25/2021 5:41:18 PM", "2012-03-16-07:00", "-3449"],
    ["ww", "8/25/2021 5:41:18 PM", "2012-03-16-07:00", "-493"],
    ["m", "8/25/2021 5:41:18 PM", "2012-03-16-07:00", "-113"],
    ["yyyy", "8/25/2021 5:41:18 PM", "2012-03-16-07:00", "-9"],
    ["d", "2021-08-31+08:00", "2021-08-31+08:00", "0"],
    ["h", "2021-08-24", "2021-08-25", "24"],
    ["n", "2021-08-24", "2021-08-25", "1440"],
    ["s", "2021-08-24", "2021-08-25", "86400"],
  ])("DateDiff(%j, %j, %j) is %s (docs)", (interval, date1, date2, output) => {
    expect(evaluate(`DateDiff("${interval}", CDate("${date1}"), CDate("${date2}"))`)).toBe(output);
    expect(evaluate(`DateDiff("${interval}", [date1], [date2])`, { date1, date2 })).toBe(output);
  });

  it("counts whole days elapsed, and years and months by the calendar", () => {
    expect(evaluate('DateDiff("d", "2021-08-24 23:00", "2021-08-25 22:59")')).toBe("0");
    expect(evaluate('DateDiff("yyyy", "2021-12-31", "2022-01-01")')).toBe("1");
    expect(evaluate('DateDiff("m", "2021-01-31", "2021-02-01")')).toBe("1");
  });

  it("enables an account only when the hire date is within five days (docs example 2)", () => {
    const enabled =
      'Switch([Active], , "1", IIF(DateDiff("d", Now(), CDate([StatusHireDate])) > 5, "False", "True"), "0", "False")';
    expect(evaluate(enabled, { Active: "1", StatusHireDate: "2021-07-05-07:00" })).toBe("True");
    expect(evaluate(enabled, { Active: "1", StatusHireDate: "2021-07-20-07:00" })).toBe("False");
    expect(evaluate(enabled, { Active: "0", StatusHireDate: "2021-07-05-07:00" })).toBe("False");
  });

  it("names a bad interval or date", () => {
    expect(() => evaluate('DateDiff("days", Now(), Now())')).toThrow(/DateDiff: interval must be one of/);
    expect(() => evaluate('DateDiff("d", Now(), "tomorrow")')).toThrow(
      /DateDiff: date2 "tomorrow" is not a date/,
    );
    expect(evaluate('DateDiff("d", Now(), [missing])')).toBeNull();
  });
});

describe("DateFromNum and NumFromDate", () => {
  it("reads an AD date (docs: January 1, 2012 at 11:00 PM)", () => {
    expect(evaluate("DateFromNum(129699324000000000)")).toBe("1/1/2012 11:00:00 PM");
    expect(evaluate("DateFromNum([lastLogonTimestamp])", { lastLogonTimestamp: "129699324000000000" })).toBe(
      "1/1/2012 11:00:00 PM",
    );
    expect(evaluate("DateFromNum(0)")).toBe("1/1/1601 12:00:00 AM");
    expect(evaluate("DateFromNum([missing])")).toBeNull();
  });

  it("writes an AD date, the inverse", () => {
    expect(evaluate('NumFromDate("2012-01-01T23:00:00Z")')).toBe("129699324000000000");
    expect(evaluate("NumFromDate(DateFromNum(129699324000000000))")).toBe("129699324000000000");
  });

  it("sets accountExpires from Workday's ContractEndDate (docs)", () => {
    const expires =
      'NumFromDate(Join("", FormatDateTime([ContractEndDate], ,"yyyy-MM-ddzzz", "yyyy-MM-dd"), " 23:59:59-08:00"))';
    // 2020-12-31 23:59:59 at -08:00 is 2021-01-01 07:59:59 UTC.
    expect(evaluate(expires, { ContractEndDate: "2020-12-31-08:00" })).toBe("132539615990000000");
  });

  it("sets accountExpires from SuccessFactors' endDate (docs)", () => {
    const expires =
      'NumFromDate(Join("",FormatDateTime([endDate], ,"M/d/yyyy hh:mm:ss tt","yyyy-MM-dd")," 23:59:59-08:00"))';
    expect(evaluate(expires, { endDate: "12/31/2020 12:00:00 AM" })).toBe("132539615990000000");
  });

  it("names values that are not AD dates", () => {
    expect(() => evaluate('DateFromNum("-5")')).toThrow(
      'DateFromNum: value must be a non-negative integer, got "-5"',
    );
    expect(() => evaluate("DateFromNum(9223372036854775807)")).toThrow(
      'DateFromNum: 9223372036854775807 is after the year 9999 (AD\'s "never")',
    );
    expect(() => evaluate('NumFromDate("1600-12-31")')).toThrow(/NumFromDate: the date is before 1601/);
    expect(() => evaluate('NumFromDate("end of contract")')).toThrow(
      /NumFromDate: value "end of contract" is not a date/,
    );
  });
});

describe("FormatDateTime", () => {
  it("converts the documented ServiceNow date", () => {
    expect(
      evaluate('FormatDateTime([extensionAttribute1], , "yyyyMMddHHmmss.fZ", "yyyy-MM-dd")', {
        extensionAttribute1: "20150123105347.1Z",
      }),
    ).toBe("2015-01-23");
  });

  it.each([
    ["dddd, MMMM d, yyyy", "Friday, January 23, 2015"],
    ["ddd dd MMM yy", "Fri 23 Jan 15"],
    ["hh:mm:ss.fff tt", "10:53:47.100 AM"],
    ["H:m:s.FFF", "10:53:47.1"],
    ["HH:mm:ss.FFF", "10:53:47.1"],
    ["yyyy-MM-dd'T'HH:mm:ssK", "2015-01-23T10:53:47Z"],
    ["yyyy-MM-ddTHH:mm:sszzz", "2015-01-23T10:53:47+00:00"],
    ["\\Y\\e\\a\\r yyyy", "Year 2015"],
    ["%d", "23"],
    ["o", "2015-01-23T10:53:47.1000000Z"],
    ["s", "2015-01-23T10:53:47"],
    ["u", "2015-01-23 10:53:47Z"],
    ["d", "1/23/2015"],
    ["G", "1/23/2015 10:53:47 AM"],
    ["R", "Fri, 23 Jan 2015 10:53:47 GMT"],
  ])("writes the output format %j as .NET does: %s", (format, output) => {
    const text = `FormatDateTime([d], , "yyyyMMddHHmmss.fZ", "${format.replace(/\\/g, "\\\\")}")`;
    expect(evaluate(text, { d: "20150123105347.1Z" })).toBe(output);
  });

  it("drops the point before F specifiers that print nothing", () => {
    expect(evaluate('FormatDateTime("2015-01-23 10:53:47", , "yyyy-MM-dd HH:mm:ss", "HH:mm:ss.FFF")')).toBe(
      "10:53:47",
    );
  });

  it("reads names, twelve-hour times, two-digit years and offsets", () => {
    expect(evaluate('FormatDateTime("Jan 5 99 3:04 PM", , "MMM d yy h:mm tt", "yyyy-MM-dd HH:mm")')).toBe(
      "1999-01-05 15:04",
    );
    expect(evaluate('FormatDateTime("05/01/30", , "dd/MM/yy", "yyyy-MM-dd")')).toBe("2030-01-05");
    expect(evaluate('FormatDateTime("2021-06-30 +08", , "yyyy-MM-dd zz", "yyyy-MM-dd HH:mm")')).toBe(
      "2021-06-29 16:00",
    );
    expect(evaluate('FormatDateTime("  2021-06-30 ", , "yyyy-MM-dd", "d")')).toBe("6/30/2021");
  });

  it("keeps the kind as the styles say, which shows in K", () => {
    const kind = (styles: string, input: string, format: string) =>
      evaluate(`FormatDateTime("${input}", "${styles}", "${format}", "%K")`);
    expect(kind("RoundtripKind", "2021-06-30 08:00", "yyyy-MM-dd HH:mm")).toBe("");
    expect(kind("RoundtripKind", "2021-06-30 08:00Z", "yyyy-MM-dd HH:mmK")).toBe("Z");
    expect(kind("RoundtripKind", "2021-06-30 08:00+02:00", "yyyy-MM-dd HH:mmK")).toBe("+00:00");
    expect(kind("AdjustToUniversal, AssumeUniversal", "2021-06-30 08:00", "yyyy-MM-dd HH:mm")).toBe("Z");
    expect(kind("DateTimeStyles.AssumeLocal", "2021-06-30 08:00", "yyyy-MM-dd HH:mm")).toBe("+00:00");
    expect(kind("16", "2021-06-30 08:00+02:00", "yyyy-MM-dd HH:mmK")).toBe("Z");
  });

  it("honours the white-space styles", () => {
    expect(evaluate('FormatDateTime("2021 - 06 - 30", "AllowWhiteSpaces", "yyyy-MM-dd", "yyyyMMdd")')).toBe(
      "20210630",
    );
    expect(() => evaluate('FormatDateTime(" 2021-06-30", "None", "yyyy-MM-dd", "yyyyMMdd")')).toThrow(
      /does not match the inputFormat "yyyy-MM-dd" \(expected 4 digits for the year at position 0\)/,
    );
  });

  it("uses the clock's date for a time alone, unless NoCurrentDateDefault", () => {
    expect(evaluate('FormatDateTime("08:15", , "HH:mm", "yyyy-MM-dd HH:mm")')).toBe("2021-07-02 08:15");
    expect(evaluate('FormatDateTime("08:15", "NoCurrentDateDefault", "HH:mm", "yyyy-MM-dd")')).toBe(
      "0001-01-01",
    );
  });

  it("gives null for a null or empty source", () => {
    expect(evaluate('FormatDateTime([missing], , "yyyy", "yyyy")')).toBeNull();
    expect(evaluate('FormatDateTime([d], , "yyyy", "yyyy")', { d: "" })).toBeNull();
  });

  it("names what does not match, and formats and styles .NET refuses", () => {
    expect(() => evaluate('FormatDateTime("2015-01-23", , "yyyyMMdd", "d")')).toThrow(
      'FormatDateTime: "2015-01-23" does not match the inputFormat "yyyyMMdd" (expected 2 digits for the month at position 4)',
    );
    expect(() => evaluate('FormatDateTime("2015-02-30", , "yyyy-MM-dd", "d")')).toThrow(
      /its parts are not a date that exists/,
    );
    expect(() => evaluate('FormatDateTime("2015-01-23x", , "yyyy-MM-dd", "d")')).toThrow(
      /expected the end of the value at position 10/,
    );
    expect(() => evaluate('FormatDateTime("2015", , "yyyy", "Q")')).toThrow(
      /FormatDateTime: the outputFormat "Q" is not a standard format/,
    );
    expect(() => evaluate('FormatDateTime("2015", , "yyyy\'", "d")')).toThrow(
      /FormatDateTime: the inputFormat "yyyy'" has a quote ' opened at position 4 and never closed/,
    );
    expect(() => evaluate('FormatDateTime("2015", "Sometimes", "yyyy", "d")')).toThrow(
      /FormatDateTime: dateTimeStyles "Sometimes" is not one of None, AllowLeadingWhite/,
    );
    expect(() => evaluate('FormatDateTime("2015", "RoundtripKind, AssumeUniversal", "yyyy", "d")')).toThrow(
      /RoundtripKind cannot be combined with AssumeLocal, AssumeUniversal or AdjustToUniversal/,
    );
    expect(() => evaluate('FormatDateTime("2015", , "yyyy")')).toThrow(
      "FormatDateTime requires its outputFormat argument",
    );
  });
});
