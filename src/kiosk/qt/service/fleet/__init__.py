"""The exhibit in a hall of many: its health file for Prometheus's node_exporter (``health_file``), the frame
intervals behind it (``frame_meter``) and a small recent screenshot for a look from afar (``screenshot``)."""
