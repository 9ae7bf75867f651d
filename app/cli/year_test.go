package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"acedesk/app/apptest"
)

// chapterYear walks a chapter through 2024–2026 on the command line, one
// day at a time, as a chapter lead scripting the year would.
type chapterYear struct {
	t     *testing.T
	db    string
	dir   string
	clock *apptest.Clock
	files int
}

func newChapterYear(t *testing.T) *chapterYear {
	return &chapterYear{t: t, db: tempDB(t), dir: t.TempDir(), clock: apptest.NewClock(time.Date(2024, 1, 2, 9, 0, 0, 0, time.UTC))}
}

// on moves the clock to day (YYYY-MM-DD).
func (w *chapterYear) on(day string) {
	d, err := time.Parse(time.DateOnly, day)
	if err != nil {
		w.t.Fatal(err)
	}
	w.clock.Set(d.Add(10 * time.Hour))
}

// ok runs a command that must succeed, and returns what it printed.
func (w *chapterYear) ok(args ...string) string {
	w.t.Helper()
	r := runOn(w.t, w.db, w.clock, args...)
	if r.code != ExitOK {
		w.t.Fatalf("%s on %s: exit %d\n%s%s", strings.Join(args, " "), w.clock.Now().Format(time.DateOnly), r.code, r.stdout, r.stderr)
	}
	return r.stdout
}

// refused runs a command that must fail with a message holding want.
func (w *chapterYear) refused(want string, args ...string) {
	w.t.Helper()
	r := runOn(w.t, w.db, w.clock, args...)
	if r.code != ExitError || !strings.Contains(r.stderr, want) {
		w.t.Fatalf("%s on %s: exit %d, stderr %q; want a refusal with %q", strings.Join(args, " "), w.clock.Now().Format(time.DateOnly), r.code, r.stderr, want)
	}
}

// imports imports a CSV file of the kind (members, groups, contributions).
func (w *chapterYear) imports(kind string, rows ...string) {
	w.t.Helper()
	w.files++
	path := filepath.Join(w.dir, fmt.Sprintf("%s-%d.csv", kind, w.files))
	if err := os.WriteFile(path, []byte(strings.Join(rows, "\n")+"\n"), 0o600); err != nil {
		w.t.Fatal(err)
	}
	w.ok("import", kind, path)
}

// holders checks holders --year: each holder as "name level source".
func (w *chapterYear) holders(year int, want ...string) {
	w.t.Helper()
	var rows []struct {
		Name   string `json:"name"`
		Level  string `json:"level"`
		Source string `json:"source"`
	}
	if err := json.Unmarshal([]byte(w.ok("holders", "--year", fmt.Sprint(year), "--json")), &rows); err != nil {
		w.t.Fatal(err)
	}
	var got []string
	for _, r := range rows {
		got = append(got, r.Name+" "+r.Level+" "+r.Source)
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		w.t.Fatalf("holders of %d on %s:\n got %q\nwant %q", year, w.clock.Now().Format(time.DateOnly), got, want)
	}
}

// batch publishes a batch and checks its lines: "name kind level [late]".
func (w *chapterYear) batch(id string, want ...string) {
	w.t.Helper()
	var b struct {
		Entries []struct {
			Name  string `json:"name"`
			Kind  string `json:"kind"`
			From  string `json:"from"`
			Level string `json:"level"`
			Late  bool   `json:"late"`
		} `json:"entries"`
		Published bool `json:"published"`
	}
	if err := json.Unmarshal([]byte(w.ok("batch", "publish", id, "--json")), &b); err != nil {
		w.t.Fatal(err)
	}
	var got []string
	for _, e := range b.Entries {
		line := e.Name + " " + e.Kind + " " + e.Level
		if e.Kind == "upgrade" {
			line = e.Name + " " + e.Kind + " " + e.From + "→" + e.Level
		}
		if e.Late {
			line += " late"
		}
		got = append(got, line)
	}
	slices.Sort(got)
	slices.Sort(want)
	if !b.Published || !slices.Equal(got, want) {
		w.t.Fatalf("batch %s (published %v):\n got %q\nwant %q", id, b.Published, got, want)
	}
}

// TestTheProgramYearOnTheCommandLine is the chapter's 2024–2026: points,
// upgrades, a lead appointed in August, a record that comes late (before
// and after Q4 and the renewal), decisions and two renewals, with who
// holds what checked after every step, never rewritten for a past year.
func TestTheProgramYearOnTheCommandLine(t *testing.T) {
	w := newChapterYear(t)
	const header = "手机,类型,日期,标题"
	w.ok("settings", "set", "chapter_code", "HZ")
	w.ok("settings", "set", "operator", "王老师")
	if got := w.ok("settings", "get", "operator"); got != "王老师\n" {
		t.Errorf("settings get operator = %q", got)
	}
	w.imports("members", "姓名,手机,城市",
		"张伟,13800000001,杭州", "李娜,13800000002,杭州", "王芳,13800000003,宁波",
		"刘洋,13800000004,杭州", "陈静,13800000005,温州")

	// 2024 Q1: a conference talk and a summit talk make two Partners.
	w.on("2024-03-20")
	w.imports("contributions", header, "13800000001,talk_conference,2024-03-05,PG 16 新特性", "13800000002,talk_regional,2024-03-10,分区表实践")
	w.refused("from 2024-03-31", "batch", "publish", "2024-Q1")
	w.on("2024-03-31")
	w.batch("2024-Q1", "张伟 new partner", "李娜 new partner")
	w.holders(2024, "张伟 partner batch:2024-Q1", "李娜 partner batch:2024-Q1")

	// Q2: 张伟 reaches 600 and goes up in the next batch.
	w.on("2024-06-30")
	w.imports("contributions", header, "13800000001,talk_regional,2024-05-10,逻辑复制")
	w.batch("2024-Q2", "张伟 upgrade partner→ace")
	w.holders(2024, "张伟 ace batch:2024-Q2", "李娜 partner batch:2024-Q1")

	// Q3: 王芳 leads an industry group from 1 August, imported in September.
	w.on("2024-09-30")
	w.imports("groups", "委员会,工作组,年度,组长手机,组长起始日期", "行业应用委员会,金融行业组,2024,13800000003,2024-08-01")
	w.batch("2024-Q3", "王芳 new partner")

	// Q4: a February talk recorded in November comes late, into Q4.
	w.on("2024-11-20")
	w.imports("contributions", header, "13800000005,talk_regional,2024-02-15,PG 在医疗行业")
	w.on("2024-12-31")
	w.batch("2024-Q4", "陈静 new partner late")
	w.holders(2024, "张伟 ace batch:2024-Q2", "李娜 partner batch:2024-Q1", "王芳 partner batch:2024-Q3", "陈静 partner batch:2024-Q4")

	// The 2024 renewal: not before 31 December, then every holder.
	w.on("2024-12-20")
	w.refused("from 2024-12-31", "renew", "--year", "2024", "--confirm")
	w.on("2024-12-31")
	w.ok("renew", "--year", "2024", "--confirm")
	w.holders(2024, "张伟 ace batch:2024-Q2", "李娜 partner batch:2024-Q1", "王芳 partner batch:2024-Q3", "陈静 partner batch:2024-Q4")
	w.holders(2025, "张伟 ace renewal:2024", "李娜 partner renewal:2024", "王芳 partner renewal:2024", "陈静 partner renewal:2024")

	// January: a 20 December conference talk of 李娜's is recorded. It
	// upgrades her 2024 in a supplementary batch, and amends the renewal,
	// which changes 2025 only once confirmed.
	w.on("2025-01-08")
	w.imports("contributions", header, "13800000002,talk_conference,2024-12-20,大会主题演讲")
	renewal := w.ok("renew", "--year", "2024")
	if !strings.Contains(renewal, "李娜 13800000002: partner → ace") || !strings.Contains(renewal, "acedesk renew --year 2024 --confirm") {
		t.Errorf("renewal after a late record:\n%s", renewal)
	}
	w.holders(2025, "张伟 ace renewal:2024", "李娜 partner renewal:2024", "王芳 partner renewal:2024", "陈静 partner renewal:2024")
	w.batch("2024-S1", "李娜 upgrade partner→ace late")
	w.ok("renew", "--year", "2024", "--confirm")
	w.holders(2024, "张伟 ace batch:2024-Q2", "李娜 ace batch:2024-S1", "王芳 partner batch:2024-Q3", "陈静 partner batch:2024-Q4")
	w.holders(2025, "张伟 ace renewal:2024", "李娜 ace renewal:2024", "王芳 partner renewal:2024", "陈静 partner renewal:2024")

	// 2025 Q1: a special grant never gives Director; a promotion needs a
	// lead of the year; both count in the member's first batch.
	w.on("2025-02-01")
	w.refused("level must be partner or ace: Director is by invitation only", "decide", "grant", "--member", "13800000004", "--year", "2025", "--level", "director", "--reason", "贡献突出")
	w.ok("decide", "grant", "--member", "13800000004", "--year", "2025", "--level", "ace", "--reason", "PG 中文文档翻译")
	w.refused("leads no industry or city group in 2025", "decide", "promote", "--member", "13800000003", "--year", "2025", "--reason", "行业组成绩突出")
	w.imports("groups", "委员会,工作组,年度,组长手机", "行业应用委员会,金融行业组,2025,13800000003")
	w.ok("decide", "promote", "--member", "13800000003", "--year", "2025", "--reason", "行业组成绩突出")
	w.on("2025-03-31")
	w.batch("2025-Q1", "刘洋 new ace", "王芳 upgrade partner→ace")
	w.holders(2025, "张伟 ace renewal:2024", "李娜 ace renewal:2024", "王芳 ace batch:2025-Q1", "陈静 partner renewal:2024", "刘洋 ace batch:2025-Q1")

	// 2025 Q4: only 陈静 and 李娜 earn points; the renewal keeps, lowers,
	// lapses and carries the decisions of 2025 into 2026.
	w.on("2025-10-15")
	w.imports("contributions", header, "13800000005,talk_regional,2025-10-10,医疗行业案例", "13800000002,university_event,2025-09-20,高校行")
	w.on("2025-12-31")
	w.ok("renew", "--year", "2025", "--confirm")
	w.holders(2026, "李娜 partner renewal:2025", "王芳 ace renewal:2025", "陈静 partner renewal:2025", "刘洋 ace renewal:2025")
	w.holders(2024, "张伟 ace batch:2024-Q2", "李娜 ace batch:2024-S1", "王芳 partner batch:2024-Q3", "陈静 partner batch:2024-Q4")

	// 2026: a correction takes 陈静's 2026 level away, and nothing else.
	w.on("2026-01-15")
	w.ok("decide", "correct", "--member", "13800000005", "--year", "2026", "--level", "none", "--reason", "成员本人申请退出")
	w.holders(2026, "李娜 partner renewal:2025", "王芳 ace renewal:2025", "刘洋 ace renewal:2025")
	w.holders(2025, "张伟 ace renewal:2024", "李娜 ace renewal:2024", "王芳 ace batch:2025-Q1", "陈静 partner renewal:2024", "刘洋 ace batch:2025-Q1")
	if out := w.ok("holders", "--year", "2026"); !strings.Contains(out, "3 holders in 2026") {
		t.Errorf("holders as text:\n%s", out)
	}
}
