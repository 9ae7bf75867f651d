package pgpush

import (
	"errors"
	"strings"
	"testing"
)

func TestScrubTakesThePasswordOutOfErrors(t *testing.T) {
	for _, tc := range []struct {
		dsn, shown string
	}{
		{"postgres://hq:s3cr%40t@db.example:5432/ace", "s3cr@t"},
		{"postgres://hq:s3cr%40t@db.example:5432/ace", "s3cr%40t"},
		{"postgres://hq@db.example/ace?password=pa55word", "pa55word"},
		{`host=db.example user=hq password='it\'s secret' dbname=ace`, "it's secret"},
		{"host=db.example user=hq password=plainpw dbname=ace", "plainpw"},
	} {
		err := scrub(errors.New("cannot connect with "+tc.shown+" to db.example"), tc.dsn)
		if strings.Contains(err.Error(), tc.shown) || !strings.Contains(err.Error(), "db.example") {
			t.Errorf("%s: %v", tc.dsn, err)
		}
	}
	if err := scrub(nil, "postgres://a:b@c/d"); err != nil {
		t.Errorf("scrub(nil) = %v", err)
	}
	plain := errors.New("no such host")
	if err := scrub(plain, "postgres://a:secret@c/d"); err != plain {
		t.Errorf("an error without the password was rewrapped: %v", err)
	}
}
