package app_test

import (
	"context"
	"errors"
	"net"
	"strings"
	"testing"

	"acedesk/app"
	"acedesk/app/apptest"

	"github.com/jackc/pgx/v5"
)

func TestStartPushRefusesAnEmptyConnection(t *testing.T) {
	p := newProgram(t)
	_, err := p.svc.Export.StartPush(app.PushTarget{DSN: "  "})
	var e *app.Error
	if !errors.As(err, &e) || e.Code != app.CodeInvalid || e.Fields["dsn"] != "required" {
		t.Errorf("err = %#v, want dsn required", err)
	}
}

// closedPort is a loopback port nothing listens on.
func closedPort(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

func TestStartPushFailuresSayWhichStepAndHideThePassword(t *testing.T) {
	p := newProgram(t)
	for _, tc := range []struct {
		name, dsn, password, wantReason string
	}{
		{"unparsable", "postgres://hq:sekrit@[::1/ace", "", "pg_dsn_invalid"},
		{"nobody listening", "postgres://hq:sekrit@" + closedPort(t) + "/ace?connect_timeout=5", "", "pg_connect_failed"},
		{"typed password", "postgres://hq@" + closedPort(t) + "/ace?connect_timeout=5", "sekrit", "pg_connect_failed"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			id, err := p.svc.Export.StartPush(app.PushTarget{DSN: tc.dsn, Password: tc.password})
			if err != nil {
				t.Fatal(err)
			}
			st := waitExport(t, p.svc.Export, id)
			if st.State != app.JobFailed || st.Error == nil {
				t.Fatalf("state = %s, error %v; want failed", st.State, st.Error)
			}
			if got := st.Error.Reason; got != tc.wantReason {
				t.Errorf("reason = %q, want %q (%s)", got, tc.wantReason, st.Error.Message)
			}
			if all := st.Error.Message + st.Error.Params["detail"] + st.Error.Params["target"]; strings.Contains(all, "sekrit") {
				t.Errorf("the password shows in %q", all)
			}
		})
	}
}

func TestPGStartPushLoadsTheTablesAndReports(t *testing.T) {
	dsn := apptest.PGDatabase(t)
	p, _ := exportProgram(t)
	u, password := splitPassword(t, dsn)
	id, err := p.svc.Export.StartPush(app.PushTarget{DSN: u, Password: password, Year: 2026})
	if err != nil {
		t.Fatal(err)
	}
	if st := waitExport(t, p.svc.Export, id); st.State != app.JobDone || st.Done != st.Total || st.Total == 0 {
		t.Fatalf("status = %+v, want done with every table", st)
	}
	sum, err := p.svc.Export.PushResult(id)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(sum.Target, password) || !strings.HasSuffix(sum.Target, "/"+dbName(t, dsn)) {
		t.Errorf("target = %q", sum.Target)
	}
	rows := map[string]int{}
	for _, tb := range sum.Tables {
		rows[tb.Table] = tb.Rows
	}
	conn, err := pgx.Connect(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	var members int
	if err := conn.QueryRow(context.Background(), "SELECT count(*) FROM acedesk.members").Scan(&members); err != nil {
		t.Fatal(err)
	}
	if got, want := members, rows["members"]; got != want || got < 2 {
		t.Errorf("members in PostgreSQL = %d, summary says %d (want at least 2)", got, want)
	}
}

// splitPassword takes the password out of dsn, as the UI sends them apart.
func splitPassword(t *testing.T, dsn string) (string, string) {
	t.Helper()
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Replace(dsn, ":"+cfg.Password+"@", "@", 1), cfg.Password
}

func dbName(t *testing.T, dsn string) string {
	t.Helper()
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		t.Fatal(err)
	}
	return cfg.Database
}
