"""Many exhibits in one hall (pure Python): the health metrics a kiosk writes for Prometheus's node_exporter
(``metrics``), the frame-interval histogram behind them (``frames``) and the visitor sessions counted per day
(``sessions``)."""
