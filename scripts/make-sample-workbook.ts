/**
 * Builds assets/sample-progress.xlsx: a fictional city's DX plan progress
 * workbook in the shape municipal staff use (title above a two-row merged
 * header, group heading rows, units and ▲ in text, 以内, 評価期間前, a note,
 * one sheet per department, a guide sheet). Run: npx tsx scripts/make-sample-workbook.ts
 */
import path from "path";
import ExcelJS from "exceljs";

type Row = [no: number, name: string, dept: string, indicator: string, t4: string | number, a4: string | number, t5: string | number, a5: string | number, self: string];

const SHEETS: { name: string; groups: { heading: string; rows: Row[] }[] }[] = [
  {
    name: "総務部",
    groups: [
      {
        heading: "基本方針1 いつでもどこでも使える行政サービス",
        rows: [
          [1, "行政手続のオンライン化", "デジタル推進課", "オンライン申請件数", "12,000件", "13,480件", "20,000件", "21,305件", "A"],
          [2, "キャッシュレス決済の導入", "会計課", "対応窓口数", "10か所", "8か所", "20か所", "17か所", "B"],
          [3, "窓口の待ち時間短縮", "市民課", "平均待ち時間", "30分", "28分", "20分以内", "18分", "A"],
        ],
      },
      {
        heading: "基本方針2 データを活かす行政経営",
        rows: [
          [4, "オープンデータの公開", "デジタル推進課", "公開データセット数", "80件", "95件", "120件", "101件", "B"],
          [5, "ペーパーレス会議", "総務課", "紙の使用量の削減率", "10.0%", "▲2.5%", "20.0%", "6.0%", "B"],
          [6, "RPAによる業務効率化", "行政改革課", "削減時間", "1,000時間", "1,250時間", "2,000時間", "評価期間前", "-"],
        ],
      },
    ],
  },
  {
    name: "市民部",
    groups: [
      {
        heading: "基本方針1 いつでもどこでも使える行政サービス",
        rows: [
          [7, "コンビニ交付の拡充", "市民課", "コンビニ交付率", "5.0%", "6.2%", "8.0%", "9.1%", "A"],
          [8, "施設予約のWeb化", "文化スポーツ課", "Web予約の割合", "30.0%", "22.0%", "50.0%", "31.0%", "B"],
        ],
      },
      {
        heading: "基本方針3 安全・安心を支えるICT",
        rows: [
          [9, "防災情報の多言語配信", "危機管理課", "登録者数", "3,000人", "3,400人", "5,000人", "4,600人", "A"],
          [10, "情報セキュリティ研修", "デジタル推進課", "受講者数", "500人", "480人", "600人", "590人", "A"],
        ],
      },
    ],
  },
];

async function main() {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Progress Review sample";
  const guide = wb.addWorksheet("記入要領");
  guide.getCell("A1").value = "進捗状況調査票 記入要領（サンプル）";
  guide.getCell("A3").value = "1. 各部のシートに、令和5年度の目標と実績を記入してください。";
  guide.getCell("A4").value = "2. 自己評価は A（適切）〜 D（見直しの是非を検討）で記入してください。";
  guide.getCell("A5").value = "3. まだ実績が出ていない場合は「評価期間前」と記入してください。";
  guide.getColumn(1).width = 80;

  for (const s of SHEETS) {
    const ws = wb.addWorksheet(s.name);
    ws.getCell("A1").value = `サンプル市 DX推進計画 令和5年度 進捗状況（${s.name}）`;
    ws.getCell("A1").font = { bold: true, size: 14 };
    const h1 = ["No", "取組名", "担当課", "評価指標", "令和4年度", null, "令和5年度", null, "自己評価\n（令和5年度）"];
    const h2 = [null, null, null, null, "目標", "実績", "目標", "実績", null];
    h1.forEach((v, i) => v !== null && (ws.getCell(3, i + 1).value = v));
    h2.forEach((v, i) => v !== null && (ws.getCell(4, i + 1).value = v));
    for (const c of ["A", "B", "C", "D", "I"]) ws.mergeCells(`${c}3:${c}4`);
    ws.mergeCells("E3:F3");
    ws.mergeCells("G3:H3");
    for (let c = 1; c <= 9; c++) {
      for (const r of [3, 4]) {
        const cell = ws.getCell(r, c);
        cell.font = { bold: true };
        cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
        cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
      }
    }
    let r = 5;
    for (const g of s.groups) {
      ws.getCell(r, 1).value = g.heading;
      ws.mergeCells(r, 1, r, 9);
      ws.getCell(r, 1).font = { bold: true };
      r++;
      for (const row of g.rows) {
        row.forEach((v, i) => (ws.getCell(r, i + 1).value = v));
        r++;
      }
    }
    r++;
    ws.getCell(r, 1).value = "※実績は各年度末時点の数値。▲はマイナスを表します。";
    [6, 28, 18, 22, 11, 11, 11, 11, 12].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  }
  const out = path.join(__dirname, "..", "assets", "sample-progress.xlsx");
  await wb.xlsx.writeFile(out);
  console.log("wrote", out);
}

void main();
