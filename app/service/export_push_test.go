package service_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strings"
	"testing"

	"acedesk/app"
	"acedesk/app/apptest"
	"acedesk/app/service"

	"github.com/jackc/pgx/v5"
)

func TestStartPushRefusesAnEmptyConnection(t *testing.T) {
	p := newProgram(t)
	_, err := p.svc.Export.StartPush(service.PushTarget{DSN: "  "})
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
			id, err := p.svc.Export.StartPush(service.PushTarget{DSN: tc.dsn, Password: tc.password})
			if err != nil {
				t.Fatal(err)
			}
			st := waitExport(t, p.svc.Jobs, id)
			if st.State != service.JobFailed || st.Error == nil {
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
	id, err := p.svc.Export.StartPush(service.PushTarget{DSN: u, Password: password, Year: 2026})
	if err != nil {
		t.Fatal(err)
	}
	if st := waitExport(t, p.svc.Jobs, id); st.State != service.JobDone || st.Done != st.Total || st.Total == 0 {
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

// pushOnce runs StartPush from p into dsn to its end.
func pushOnce(t *testing.T, p *program, dsn string) (service.JobStatus, app.PushSummary) {
	t.Helper()
	u, password := splitPassword(t, dsn)
	id, err := p.svc.Export.StartPush(service.PushTarget{DSN: u, Password: password, Year: 2026})
	if err != nil {
		t.Fatal(err)
	}
	st := waitExport(t, p.svc.Jobs, id)
	if st.State != service.JobDone {
		return st, app.PushSummary{}
	}
	sum, err := p.svc.Export.PushResult(id)
	if err != nil {
		t.Fatal(err)
	}
	return st, sum
}

func TestPGStartPushReportsDeletedRowsAndRefusesAnotherDatabase(t *testing.T) {
	dsn := apptest.PGDatabase(t)
	p, evil := exportProgram(t)
	talk := p.approved(evil.ID, "talk_conference", "2026-02-01")
	if st, _ := pushOnce(t, p, dsn); st.State != service.JobDone {
		t.Fatalf("first push: %+v", st)
	}
	// An approved contribution is withdrawn, with a reason, before it can go.
	withdrawn, err := p.svc.Contributions.Withdraw(talk.ID, talk.Version, "entered twice")
	if err != nil {
		t.Fatal(err)
	}
	if err := p.svc.Contributions.Delete(withdrawn.ID, withdrawn.Version); err != nil {
		t.Fatal(err)
	}
	_, sum := pushOnce(t, p, dsn)
	deleted := map[string]int64{}
	for _, tb := range sum.Tables {
		deleted[tb.Table] = tb.Deleted
	}
	if got, want := fmt.Sprint(deleted), fmt.Sprint(map[string]int64{"batches": 0, "certificates": 0, "contributions": 1, "members": 0, "standings": 0, "trophies": 0}); got != want {
		t.Errorf("deleted = %s, want %s", got, want)
	}

	other := newProgram(t)
	other.member("另一位")
	st, _ := pushOnce(t, other, dsn)
	if st.State != service.JobFailed || st.Error == nil {
		t.Fatalf("another database's push: %+v", st)
	}
	loaded, err := p.svc.Trust.ChapterKey()
	if err != nil {
		t.Fatal(err)
	}
	source, err := other.svc.Trust.ChapterKey()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, got, want string }{
		{"code", string(st.Error.Code), string(app.CodeConflict)},
		{"reason", st.Error.Reason, "pg_other_source"},
		{"loaded", st.Error.Params["loaded"], loaded.Fingerprint},
		{"source", st.Error.Params["source"], source.Fingerprint},
		{"schema", st.Error.Params["schema"], "acedesk"},
	} {
		if tc.got != tc.want {
			t.Errorf("%s = %q, want %q", tc.name, tc.got, tc.want)
		}
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
