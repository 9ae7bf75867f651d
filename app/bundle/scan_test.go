package bundle

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"

	"acedesk/app"
)

// scanLines are lines that test the scanner's grammar at its edges; each
// test and fuzz target below compares with encoding/json on them.
var scanLines = []string{
	`{}`, ` {} `, "{\t\"a\"\r\n:1}", `{"a":1,}`, `{"a"}`, `{"a":}`, `{,}`, `{"a":1 "b":2}`, `[]`, `null`, `"x"`, `1`, ``, `{`, `}`, `{}{}`, `{} x`,
	`{"a":[1,2,[3,{}]]}`, `{"a":[1,]}`, `{"a":[,1]}`, `{"a":[}`,
	`{"a":-0}`, `{"a":01}`, `{"a":-}`, `{"a":1.}`, `{"a":.5}`, `{"a":1.5e+10}`, `{"a":1e}`, `{"a":1E-0}`, `{"a":+1}`, `{"a":1.5E}`,
	`{"a":true}`, `{"a":tru}`, `{"a":nul}`, `{"a":falsey}`, `{"a":false}`,
	`{"a":"\u00e9\n\"\\\/\b\f\r\t"}`, `{"a":"\x"}`, `{"a":"\u00g0"}`, `{"a":"\u00"}`, "{\"a\":\"\x01\"}", `{"a":"unterminated}`, `{"a\`,
	`{"id":1,"name":"欧阳喆"}`, `{1:2}`, `{"a":1}` + "\n",
	strings.Repeat(`{"a":`, 10001) + `1` + strings.Repeat(`}`, 10001),
	strings.Repeat(`{"a":`, 9999) + `1` + strings.Repeat(`}`, 9999),
	`{"a":` + strings.Repeat(`[`, 10000) + strings.Repeat(`]`, 10000) + `}`,
}

// longStringLines put each character the string scanner must stop at at
// every offset of its eight-byte words, in strings long enough to be
// skipped a word at a time.
func longStringLines() []string {
	var out []string
	for _, special := range []string{`\"`, `\\`, `\n`, `\u00e9`, `\x`, "\x01", "\x1f", "é", "\x7f", `"`} {
		for i := range 17 {
			out = append(out, `{"a":"`+strings.Repeat("x", i)+special+strings.Repeat("y", 17-i)+`"}`)
		}
	}
	return out
}

// isJSONObject is what scanObject must accept: what json.Valid accepts,
// when it is an object.
func isJSONObject(line []byte) bool {
	return json.Valid(line) && strings.HasPrefix(strings.TrimLeft(string(line), " \t\r\n"), "{")
}

func TestScanObjectAcceptsWhatEncodingJSONDoes(t *testing.T) {
	for _, line := range append(slices.Clone(scanLines), longStringLines()...) {
		got := scanObject([]byte(line), func(jsonMember) error { return nil }) == nil
		if want := isJSONObject([]byte(line)); got != want {
			t.Errorf("scanObject(%.60q) accepts = %v, want %v", line, got, want)
		}
	}
}

func FuzzScanObject(f *testing.F) {
	for _, line := range append(slices.Clone(scanLines), longStringLines()...) {
		f.Add([]byte(line))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		got := scanObject(line, func(jsonMember) error { return nil }) == nil
		if want := isJSONObject(line); got != want {
			t.Fatalf("scanObject(%q) accepts = %v, json.Valid says %v", line, got, want)
		}
	})
}

// contributionLines are lines for each way decodeContribution can leave its
// fast path, and the usual line.
var contributionLines = []string{
	`{"id":7,"member_id":3,"kind":"article","date":"2026-01-01","quantity":1,"title":"PG 17 新特性","evidence":"","status":"approved","override":null,"override_reason":"","event_id":0,"version":1,"created_at":"2026-03-14T09:00:00Z","updated_at":"2026-03-14T09:00:00.5+08:00"}`,
	`{"id":7,"override":5,"override_reason":"评审"}`,
	`{"ID":7,"Member_ID":3}`,
	`{"id":7,"unknown":{"x":[1,2]}}`,
	`{"id":7,"title":"a \u003c b \"quoted\""}`,
	`{"\u0069d":7}`,
	`{"id":7,"id":8}`,
	`{"id":7,"override":5,"override":null}`,
	`{"id":7,"date":null,"quantity":null}`,
	`{"id":-1}`, `{"id":1.5}`, `{"id":1e3}`, `{"id":"7"}`, `{"id":18446744073709551616}`,
	`{"quantity":-3}`, `{"quantity":1e3}`, `{"quantity":9223372036854775808}`,
	`{"override":"5"}`, `{"override":1.0}`,
	`{"created_at":"2026-03-14"}`, `{"created_at":"2026-03-14T09:00:00Z "}`, `{"created_at":null}`, `{"created_at":5}`,
	`{"title":5}`, `{"title":null}`, `{"title":true}`,
	`null`, `[]`, `{`, `{"id":7}x`,
}

func TestDecodeContributionIsJSONUnmarshal(t *testing.T) {
	for _, line := range contributionLines {
		sameAsJSON(t, line)
	}
}

func FuzzDecodeContribution(f *testing.F) {
	for _, line := range contributionLines {
		f.Add(line)
	}
	f.Fuzz(sameAsJSON)
}

func sameAsJSON(t *testing.T, line string) {
	var want app.Contribution
	wantErr := json.Unmarshal([]byte(line), &want)
	var got app.Contribution
	err := decodeContribution([]byte(line), &got)
	if (err == nil) != (wantErr == nil) || err == nil && !reflect.DeepEqual(got, want) {
		t.Errorf("decodeContribution(%q) = %+v, %v; json.Unmarshal gives %+v, %v", line, got, err, want, wantErr)
	}
}

func TestParseBundleAuditIsJSONUnmarshal(t *testing.T) {
	for _, line := range []string{
		`{"id":1,"at":"2026-03-14T09:00:00Z","actor":"bench","action":"create","entity":"member","entity_id":1,"before":null,"after":{"id":1,"name":"唐婷"}}`,
		`{"id":2,"at":"2026-03-14T09:00:00Z","actor":"张\"三\"","action":"delete","entity":"contribution","entity_id":9,"before":{"a":[1]},"after":null}`,
		`{"id":3,"Entity":"member","ENTITY_ID":4}`,
		`{"id":4,"at":"yesterday"}`, `{"id":5,"actor":7}`, `{"id":"6"}`, `{"id":7,"before":}`, `{"id":8,"extra":1}`,
	} {
		var e app.AuditEntry
		wantErr := json.Unmarshal([]byte(line), &e)
		want := app.BundleAudit{ID: e.ID, Action: e.Action, Entity: e.Entity, EntityID: e.EntityID, Line: json.RawMessage(line)}
		var got app.BundleAudit
		err := parseBundleAudit([]byte(line), &got)
		if (err == nil) != (wantErr == nil) || err == nil && !reflect.DeepEqual(got, want) {
			t.Errorf("parseBundleAudit(%q) = %+v, %v; want %+v, %v", line, got, err, want, wantErr)
		}
	}
}
