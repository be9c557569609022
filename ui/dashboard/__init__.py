"""The dashboard's cards, one widget each; `ui.dashboard_page.DashboardPage` lays them out,
reads the figures (`models.dashboard`) and turns a clicked figure into the records list
filtered to it. A card shows figures and says what was clicked (a `models.dashboard.Click`);
it reads nothing itself."""
