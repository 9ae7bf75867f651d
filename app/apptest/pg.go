package apptest

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/jackc/pgx/v5"
)

var pgCount atomic.Int64

// PGDatabase makes an empty database on the test server that
// scripts/pg-test.sh starts, drops it after the test, and returns its
// DSN. Tests in several packages run at once, so each gets its own.
// Without ACEDESK_PG_DSN the test is skipped, saying how to run it.
func PGDatabase(t *testing.T) string {
	t.Helper()
	dsn := os.Getenv("ACEDESK_PG_DSN")
	if dsn == "" {
		t.Skip("ACEDESK_PG_DSN is not set: this test needs a PostgreSQL server; run scripts/pg-test.sh (make test-pg), which starts one")
	}
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	name := fmt.Sprintf("acedesk_%s_%d_%d", strings.ToLower(t.Name()), os.Getpid(), pgCount.Add(1))
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		conn, err := pgx.Connect(context.Background(), dsn)
		if err == nil {
			conn.Exec(context.Background(), "DROP DATABASE "+pgx.Identifier{name}.Sanitize()+" WITH (FORCE)")
			conn.Close(context.Background())
		}
	})
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}
