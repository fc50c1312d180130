/**
 * Thousands separators for the numbers inside a sentence (「実績21305件」→
 * 「実績21,305件」), as the report prints them. Only runs of five or more digits,
 * or four digits not followed by 年: 2021年 stays a year; fractions and numbers
 * already grouped are left alone.
 */
export function groupThousands(text: string): string {
  return text.replace(/(?<![\d.,])(\d{4,})(?![\d,])(?!\.\d*[,])/g, (digits, _m, offset: number, whole: string) => {
    const next = whole.charAt(offset + digits.length);
    if (digits.length === 4 && (next === "年" || next === "/")) return digits;
    return digits.replace(/\B(?=(\d{3})+$)/g, ",");
  });
}
