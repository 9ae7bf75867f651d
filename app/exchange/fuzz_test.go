package exchange

import (
	"bytes"
	"errors"
	"testing"

	"acedesk/app"
)

// FuzzReadTable feeds arbitrary bytes: the reader must answer a table or an
// *Error, never panic, and keep its row numbers increasing.
func FuzzReadTable(f *testing.F) {
	f.Add([]byte("name,phone\n张三,13800000001\n\n李四,\"1\n2\"\n"))
	f.Add([]byte("\xEF\xBB\xBF姓名\t手机\r\n王喆\t1\r\n"))
	f.Add(gbk(f, "姓名;手机号\r\n李堃;2\r\n"))
	f.Add(utf16LE(f, "姓名\t手机\r\n赵玥\t3\r\n"))
	f.Add([]byte("name,,x\n\"a\"b,c\n"))
	f.Add(append(bytes.Clone(oleMagic), 0))
	f.Add([]byte("PK\x03\x04"))
	f.Add(workbook(f, map[string]any{"A1": "姓名", "B1": "PG豆", "A3": "张三", "B3": 2000}, map[string]int{"B3": 3}))
	f.Fuzz(func(t *testing.T, data []byte) {
		table, err := ReadTable(bytes.NewReader(data), testColumns)
		if err != nil {
			var e *app.TableError
			if !errors.As(err, &e) {
				t.Fatalf("err = %v (%T), want *Error", err, err)
			}
			return
		}
		last := 0
		for _, r := range table.Rows {
			if r.Number <= last {
				t.Fatalf("row numbers not increasing: %d after %d", r.Number, last)
			}
			last = r.Number
			if len(r.Cells) != len(table.Columns) {
				t.Fatalf("row %d has %d cells for %d columns", r.Number, len(r.Cells), len(table.Columns))
			}
		}
	})
}
