/**
 * Thousands separators for the numbers inside a sentence (「実績21305件」→
 * 「実績21,305件」), as the report prints them. Only runs of five or more digits,
 * or four digits not followed by 年: 2021年 stays a year; fractions and numbers
 * already grouped are left alone.
 */
export function groupThousands(text: string): string {
  // No lookbehind (IE11 / EdgeHTML 18 cannot parse it): the character before the digits is matched as `pre`.
  return text.replace(
    /(^|[^\d.,])(\d{4,})(?![\d,])(?!\.\d*[,])/g,
    (_m, pre: string, digits: string, offset: number, whole: string) => {
      const next = whole.charAt(offset + pre.length + digits.length);
      if (digits.length === 4 && (next === "年" || next === "/")) return pre + digits;
      return pre + digits.replace(/\B(?=(\d{3})+$)/g, ",");
    },
  );
}
