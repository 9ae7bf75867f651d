package service_test

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"

	"acedesk/app"
	"acedesk/app/apptest"
	"acedesk/app/apptest/wired"
	"acedesk/app/demo"
	"acedesk/app/pgpush"
	"acedesk/app/service"
	"acedesk/store"

	"github.com/jackc/pgx/v5"
)

// bulkServices is a database at the scale: 10,000 members and
// 200,000 contributions.
func bulkServices(b *testing.B) *service.Services {
	st, err := store.Open(filepath.Join(b.TempDir(), "bench.db"), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	if err := st.CreateMembersAndContributions(demo.Members(10000, 9), benchContributions, app.Change{Actor: "bench", At: apptest.Start}); err != nil {
		b.Fatal(err)
	}
	return service.New(st, apptest.NewClock(apptest.Start), "bench", wired.Ports())
}

// BenchmarkExport writes each format of the bulk database (read, compute
// the standings, write).
func BenchmarkExport(b *testing.B) {
	svc := bulkServices(b)
	for _, format := range service.ExportFormats() {
		b.Run(format, func(b *testing.B) {
			for b.Loop() {
				if err := svc.Exporter.Write(context.Background(), io.Discard, service.ExportOptions{Format: format, Year: 2026}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkPGPush loads the bulk database into PostgreSQL (reading and
// computing the tables included): into an empty schema, then again with
// nothing changed.
func BenchmarkPGPush(b *testing.B) {
	dsn := os.Getenv("ACEDESK_PG_DSN")
	if dsn == "" {
		b.Skip("ACEDESK_PG_DSN is not set: run scripts/pg-test.sh -run '^$' -bench PGPush")
	}
	svc := bulkServices(b)
	push := func(b *testing.B) {
		source, err := svc.Exporter.Source()
		if err != nil {
			b.Fatal(err)
		}
		tables, err := svc.Exporter.Tables(2026)
		if err != nil {
			b.Fatal(err)
		}
		if _, _, err := pgpush.Push(context.Background(), dsn, "", source, tables, func(int, int) {}); err != nil {
			b.Fatal(err)
		}
	}
	// The schema another run's bulk database (another chapter key) left
	// would refuse this one's load.
	drop := func(b *testing.B) {
		conn, err := pgx.Connect(context.Background(), dsn)
		if err != nil {
			b.Fatal(err)
		}
		defer conn.Close(context.Background())
		if _, err := conn.Exec(context.Background(), "DROP SCHEMA IF EXISTS acedesk CASCADE"); err != nil {
			b.Fatal(err)
		}
	}
	b.Run("empty", func(b *testing.B) {
		for b.Loop() {
			b.StopTimer()
			drop(b)
			b.StartTimer()
			push(b)
		}
	})
	b.Run("unchanged", func(b *testing.B) {
		drop(b)
		push(b)
		for b.Loop() {
			push(b)
		}
	})
}
