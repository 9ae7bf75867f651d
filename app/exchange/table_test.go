package exchange

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"acedesk/app"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

var testColumns = []app.Column{
	{Key: "name", Labels: []string{"姓名"}, Required: true},
	{Key: "phone", Labels: []string{"手机", "手机号"}},
	{Key: "joined", Labels: []string{"入会日期"}},
	{Key: "beans", Labels: []string{"PG豆"}},
}

// dump shows a table as "row: cell|cell" lines in column order.
func dump(t *app.Table) []string {
	out := []string{strings.Join(t.Columns, ",")}
	for _, r := range t.Rows {
		cells := make([]string, len(t.Columns))
		for i, k := range t.Columns {
			cells[i] = r.Cells[k]
		}
		out = append(out, fmt.Sprintf("%d: %s", r.Number, strings.Join(cells, "|")))
	}
	return out
}

func gbk(t testing.TB, s string) []byte {
	t.Helper()
	b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func utf16LE(t testing.TB, s string) []byte {
	t.Helper()
	b, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestReadCSV(t *testing.T) {
	for _, tc := range []struct {
		name string
		data []byte
		want []string
	}{
		{"UTF-8", []byte("name,phone\n张三,13800000001\n王喆,13800000002\n"),
			[]string{"name,phone", "2: 张三|13800000001", "3: 王喆|13800000002"}},
		{"UTF-8 with BOM and CRLF", []byte("\xEF\xBB\xBF姓名,手机\r\n张三,13800000001\r\n"),
			[]string{"name,phone", "2: 张三|13800000001"}},
		{"GBK from Chinese Excel", gbk(t, "姓名,手机号\r\n王喆,13800000001\r\n李堃,13800000002\r\n"),
			[]string{"name,phone", "2: 王喆|13800000001", "3: 李堃|13800000002"}},
		{"UTF-16 Unicode text", utf16LE(t, "姓名\t手机\r\n赵玥\t13800000003\r\n"),
			[]string{"name,phone", "2: 赵玥|13800000003"}},
		{"tab-delimited", []byte("姓名\t手机\t入会日期\n张三\t13800000001\t2026/3/5\n"),
			[]string{"name,phone,joined", "2: 张三|13800000001|2026/3/5"}},
		{"semicolon-delimited", []byte("name;PG豆\n张三;1,000\n"),
			[]string{"name,beans", "2: 张三|1,000"}},
		{"only the header line decides the delimiter", []byte("name,phone\n\"a;b\",1\n"),
			[]string{"name,phone", "2: a;b|1"}},
		{"header case, spaces and required marks", []byte(" NAME * ,Phone（必填）,入会日期(必填)\nA,1,2\n"),
			[]string{"name,phone,joined", "2: A|1|2"}},
		{"columns in any order, only some", []byte("手机,姓名\n1,A\n"),
			[]string{"phone,name", "2: 1|A"}},
		{"blank rows keep row numbers", []byte("\n姓名,手机\n\n张三,1\n,\n  ,  \n李四,2\n"),
			[]string{"name,phone", "4: 张三|1", "7: 李四|2"}},
		{"a cell over two lines is one row", []byte("name,phone\n\"张\n三\",1\n李四,2\n"),
			[]string{"name,phone", "2: 张\n三|1", "3: 李四|2"}},
		{"cells are trimmed", []byte("name,phone\n \u3000张三\u00a0 , 13800000001 \n"),
			[]string{"name,phone", "2: 张三|13800000001"}},
		{"short rows leave cells empty", []byte("name,phone\n张三\n"),
			[]string{"name,phone", "2: 张三|"}},
		{"empty trailing columns are ignored", []byte("name,phone,,\n张三,1,,\n"),
			[]string{"name,phone", "2: 张三|1"}},
		{"stray quotes are kept", []byte("name\n王\"小\"明\n"),
			[]string{"name", "2: 王\"小\"明"}},
		{"header only", []byte("name,phone\n"), []string{"name,phone"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			table, err := ReadTable(bytes.NewReader(tc.data), testColumns)
			if err != nil {
				t.Fatal(err)
			}
			got, want := fmt.Sprintf("%q", dump(table)), fmt.Sprintf("%q", tc.want)
			if got != want {
				t.Errorf("got  %s\nwant %s", got, want)
			}
		})
	}
}

func TestReadTableRefuses(t *testing.T) {
	for _, tc := range []struct {
		name    string
		data    []byte
		problem app.TableProblem
		columns []string
	}{
		{"empty file", nil, app.TableNoHeader, nil},
		{"only blank rows", []byte("\n , \n,,\n"), app.TableNoHeader, nil},
		{"unknown column names the typo", []byte("name,phnoe,手机,城市\n"), app.TableUnknownColumn, []string{"phnoe", "城市"}},
		{"duplicate column", []byte("name,手机,姓名,Phone\n"), app.TableDuplicateColumn, []string{"姓名", "Phone"}},
		{"missing required column", []byte("phone\n13800000001\n"), app.TableMissingColumn, []string{"name"}},
		{"data under an empty header", []byte("name,,phone\n张三,x,1\n"), app.TableUnnamedColumn, []string{"B"}},
		{"data beyond the header", []byte("name\n张三,,x\n"), app.TableUnnamedColumn, []string{"C"}},
		{"old .xls workbook", append(bytes.Clone(oleMagic), make([]byte, 512)...), app.TableLegacyFormat, nil},
		{"binary data", []byte("name\n\x00\x01\x02\n"), app.TableUnreadable, nil},
		{"neither UTF-8 nor GBK", []byte("name\n\xff\xfe\xfd\x80\n"), app.TableUnreadable, nil},
		{"broken zip", []byte("PK\x03\x04 not really a workbook"), app.TableUnreadable, nil},
		{"over 20 MB", bytes.Repeat([]byte("a"), app.MaxTableBytes+1), app.TableTooLarge, nil},
		{"over 100,000 rows", []byte("name\n" + strings.Repeat("x\n", app.MaxTableRows+1)), app.TableTooLarge, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadTable(bytes.NewReader(tc.data), testColumns)
			var e *app.TableError
			if !errors.As(err, &e) {
				t.Fatalf("err = %v, want *Error %s", err, tc.problem)
			}
			if e.Problem != tc.problem || fmt.Sprint(e.Columns) != fmt.Sprint(tc.columns) {
				t.Errorf("got %s %q (%v), want %s %q", e.Problem, e.Columns, e, tc.problem, tc.columns)
			}
		})
	}
}

func TestReadTableTakesExactlyMaxRows(t *testing.T) {
	table, err := ReadTable(strings.NewReader("name\n"+strings.Repeat("x\n", app.MaxTableRows)), testColumns)
	if err != nil {
		t.Fatal(err)
	}
	if got := len(table.Rows); got != app.MaxTableRows {
		t.Errorf("rows = %d, want %d", got, app.MaxTableRows)
	}
}
