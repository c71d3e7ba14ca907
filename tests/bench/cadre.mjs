// How long the 干部台账 page takes to import, estimate and show 10,000 rows, in headless
// Chromium against a built site:
//
//   BASE_URL=http://127.0.0.1:8080 node tests/bench/cadre.mjs [runs]
//
// Each run opens /cadre in a fresh browser context (empty storage), gives the page's file input
// a 10,000-row CSV built here, and times from the input's change event to the first animation
// frame at which the totals count 10,000 estimated rows and the table shows its first page.
// Prints every run, the median and the budget (1,000 ms); exits 1 when the median is over it.
import { BASE_URL, launch, openPage, waitForApp } from '../browser/helpers.mjs';

const BUDGET_MS = 1000;
const ROWS = 10000;
const PAGE = 50;
const runs = Math.max(1, Number(process.argv[2] ?? 5) || 5);

const HEADER = '序号,姓名,性别,年龄,籍贯,身份证号,合医证号,贫困登记,疾病,医院,是否转诊,出院日期,住院总费用,政策范围内费用,建立台账时间,救治状态,完成救治日期,备注';
const CATEGORIES = ['农村低保对象', '特困人员', '建档立卡贫困人口', '贫困残疾人'];
const ADULT = ['食管癌', '胃癌', '结肠癌', '直肠癌', '终末期肾病', '其他疾病'];
const CHILD = ['儿童急性淋巴细胞白血病', '儿童急性早幼粒细胞白血病', '儿童房间隔缺损', '儿童室间隔缺损'];
const HOSPITALS = ['君山区人民医院', '岳阳市一人民医院', '乡镇卫生院', '县级医院', '市级医院', '省级医院'];

// A made-up 身份证号 (君山区 area code, nobody real) with its GB 11643 check digit.
function madeUpId(birth, seq) {
  const first = `430611${birth}${seq}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first].reduce((s, c, i) => s + Number(c) * weights[i], 0);
  return first + '10X98765432'[sum % 11];
}

const day = (d) => d.toISOString().slice(0, 10);

// A roster as a county might keep it: every category, disease and hospital, discharge days
// spread over two years (so hundreds of distinct days), 身份证号 and 合医证号 filled in.
function roster() {
  const lines = [HEADER];
  const first = Date.UTC(2017, 9, 1);
  for (let i = 1; i <= ROWS; i++) {
    const child = i % 7 === 0;
    const age = child ? 1 + (i % 14) : 30 + (i % 50);
    const disease = child ? CHILD[i % CHILD.length] : ADULT[i % ADULT.length];
    const discharge = new Date(first + (i % 730) * 86400000);
    const birthYear = 2018 - age;
    const birth = `${birthYear}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}`;
    const id = madeUpId(birth, String(i % 1000).padStart(3, '0'));
    const card = `43061100${String(i).padStart(6, '0')}`;
    const cost = 20000 + (i % 500) * 100 + (i % 100) / 100;
    const inPolicy = (Math.round(cost * 90) / 100).toFixed(2);
    const done = i % 3 === 0;
    lines.push([
      i, `病人${i}`, i % 2 ? '男' : '女', age, '君山区', id, card, CATEGORIES[i % 4], disease, HOSPITALS[i % 6],
      i % 5 === 0 ? '是' : '否', day(discharge), cost.toFixed(2), inPolicy, '2017-10-01',
      done ? '已完成' : '未完成', done ? day(discharge) : '', '',
    ].join(','));
  }
  return '\ufeff' + lines.join('\r\n') + '\r\n';
}

async function once(browser, buffer) {
  const { context, page, problems } = await openPage(browser, { width: 1280, height: 900 });
  await page.goto(`${BASE_URL}/cadre`);
  await waitForApp(page);
  await page.waitForSelector('#privacy-note');
  // Start the clock when the file reaches the page (a capture listener runs before the page's
  // own), and stop it at the first animation frame that shows the totals of every row, the
  // table's first page and the import report.
  await page.evaluate(([rows, shown]) => {
    document.addEventListener('change', () => { window.__benchStart = performance.now(); }, { capture: true, once: true });
    const frame = () => {
      const done = document.querySelector('#totals-all .estimated')?.textContent === String(rows)
        && document.querySelectorAll('#roster tbody tr.roster-row').length === shown
        && document.querySelector('#import-added')?.textContent === String(rows);
      if (done) window.__benchEnd = performance.now();
      else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  }, [ROWS, PAGE]);
  await page.setInputFiles('#cadre-import', { name: 'big.csv', mimeType: 'text/csv', buffer });
  await page.waitForFunction(() => window.__benchEnd !== undefined, null, { timeout: 60000 });
  const ms = await page.evaluate(() => window.__benchEnd - window.__benchStart);
  await context.close();
  if (problems.length) throw new Error(`the page reported problems:\n${problems.join('\n')}`);
  return ms;
}

const buffer = Buffer.from(roster(), 'utf8');
const browser = await launch();
try {
  // One run to warm the browser's caches (the wasm compiled, the files served), not counted.
  await once(browser, buffer);
  const times = [];
  for (let i = 0; i < runs; i++) times.push(await once(browser, buffer));
  const sorted = [...times].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  console.log(`${ROWS} rows imported, estimated and shown (${BASE_URL}/cadre)`);
  console.log(`runs (ms): ${times.map((t) => t.toFixed(0)).join(', ')}`);
  console.log(`median: ${median.toFixed(0)} ms; budget: ${BUDGET_MS} ms; ${median < BUDGET_MS ? 'within' : 'OVER'} budget`);
  process.exitCode = median < BUDGET_MS ? 0 : 1;
} finally {
  await browser.close();
}
