package pgpush

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"acedesk/app/exchange"

	"github.com/jackc/pgx/v5/pgconn"
)

func TestFailedTakesThePasswordOutOfErrors(t *testing.T) {
	for _, tc := range []struct {
		dsn, password, shown string
	}{
		{"postgres://hq:s3cr%40t@db.example:5432/ace", "", "s3cr@t"},
		{"postgres://hq:s3cr%40t@db.example:5432/ace", "", "s3cr%40t"},
		{"postgres://hq@db.example/ace?password=pa55word", "", "pa55word"},
		{`host=db.example user=hq password='it\'s secret' dbname=ace`, "", "it's secret"},
		{"host=db.example user=hq password=plainpw dbname=ace", "", "plainpw"},
		{"postgres://hq@db.example/ace", "typed-apart", "typed-apart"},
	} {
		err := failed(StepConnect, errors.New("cannot connect with "+tc.shown+" to db.example"), tc.dsn, tc.password)
		if strings.Contains(err.Error(), tc.shown) || !strings.Contains(err.Error(), "db.example") {
			t.Errorf("%s: %v", tc.dsn, err)
		}
	}
}

func TestFailedKeepsTheStepAndCancellation(t *testing.T) {
	other := &pgconn.PgError{Code: exchange.PGOtherSource, Message: "schema acedesk holds another", Detail: "3f9a 07c2", Hint: "Drop it."}
	for _, tc := range []struct {
		err                           error
		wantStep, wantLoaded, wantMsg string
		wantCancel                    bool
	}{
		{fmt.Errorf("copy: %w", context.Canceled), StepLoad, "", "copy: context canceled", true},
		{errors.New("no such host"), StepLoad, "", "no such host", false},
		{fmt.Errorf("DO $claim$: %w", other), StepSource, "3f9a 07c2", "schema acedesk holds another. Drop it.", false},
		{fmt.Errorf("members: %w", &pgconn.PgError{Severity: "ERROR", Code: "23503", Message: "violates"}), StepLoad, "", "members: ERROR: violates (SQLSTATE 23503)", false},
	} {
		err := failed(StepLoad, tc.err, "postgres://a:secret@c/d", "")
		var e *Error
		if !errors.As(err, &e) || e.Step != tc.wantStep || e.Loaded != tc.wantLoaded || e.Error() != tc.wantMsg {
			t.Errorf("%v: got %#v, want step %q, loaded %q, message %q", tc.err, err, tc.wantStep, tc.wantLoaded, tc.wantMsg)
		}
		if got := errors.Is(err, context.Canceled); got != tc.wantCancel {
			t.Errorf("%v: errors.Is(Canceled) = %v, want %v", tc.err, got, tc.wantCancel)
		}
	}
}
