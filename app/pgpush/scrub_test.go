package pgpush

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
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
	for _, tc := range []struct {
		err        error
		wantCancel bool
	}{
		{fmt.Errorf("copy: %w", context.Canceled), true},
		{errors.New("no such host"), false},
	} {
		err := failed(StepLoad, tc.err, "postgres://a:secret@c/d", "")
		var e *Error
		if !errors.As(err, &e) || e.Step != StepLoad {
			t.Errorf("%v: step lost: %#v", tc.err, err)
		}
		if got := errors.Is(err, context.Canceled); got != tc.wantCancel {
			t.Errorf("%v: errors.Is(Canceled) = %v, want %v", tc.err, got, tc.wantCancel)
		}
	}
}
