//go:build (desktop || bindings) && linux

package desktop

/*
#cgo pkg-config: gtk+-3.0
#include <gtk/gtk.h>
#include <stdlib.h>

typedef struct { int x, y, width, height, center; } acedesk_place;

// The main window is the one visible toplevel that is nobody's dialog.
static GtkWindow *acedesk_main_window(void) {
	GList *all = gtk_window_list_toplevels();
	GtkWindow *found = NULL;
	for (GList *l = all; l != NULL && found == NULL; l = l->next) {
		GtkWindow *w = GTK_WINDOW(l->data);
		if (gtk_window_get_window_type(w) == GTK_WINDOW_TOPLEVEL &&
			gtk_window_get_transient_for(w) == NULL && gtk_widget_get_visible(GTK_WIDGET(w)))
			found = w;
	}
	g_list_free(all);
	return found;
}

// Runs on GTK's main thread. Positions are on the window's monitor, as
// Wails' own WindowSetPosition takes them.
static gboolean acedesk_apply_place(gpointer data) {
	acedesk_place *p = data;
	GtkWindow *w = acedesk_main_window();
	if (w != NULL) {
		GdkRectangle m = {0, 0, 0, 0};
		GdkWindow *gw = gtk_widget_get_window(GTK_WIDGET(w));
		if (gw != NULL) {
			GdkMonitor *monitor = gdk_display_get_monitor_at_window(gdk_window_get_display(gw), gw);
			if (monitor != NULL)
				gdk_monitor_get_geometry(monitor, &m);
		}
		gtk_window_resize(w, p->width, p->height);
		if (p->center)
			gtk_window_move(w, m.x + (m.width - p->width) / 2, m.y + (m.height - p->height) / 2);
		else
			gtk_window_move(w, m.x + p->x, m.y + p->y);
	}
	free(p);
	return G_SOURCE_REMOVE;
}

static void acedesk_place_window(int x, int y, int width, int height, int center) {
	acedesk_place *p = malloc(sizeof *p);
	if (p == NULL)
		return;
	p->x = x; p->y = y; p->width = width; p->height = height; p->center = center;
	g_idle_add(acedesk_apply_place, p);
}
*/
import "C"

import "context"

// moveWindow sizes and places the window on GTK's main thread. Wails 2.9.2's
// WindowSetSize calls gtk_window_resize from the calling goroutine
// (OnDomReady's, here) while the main loop lays out the window and WebKit
// paints its first frame; in about one start in twenty with cold disk
// caches that left the window white for good under a right title.
func moveWindow(_ context.Context, p Place, center bool) {
	c := C.int(0)
	if center {
		c = 1
	}
	C.acedesk_place_window(C.int(p.X), C.int(p.Y), C.int(p.Width), C.int(p.Height), c)
}
