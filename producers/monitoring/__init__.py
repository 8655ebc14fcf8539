"""Programme monitoring for programme staff: the funnel by province, charts, provincial quotas,
lead-business networks and facility (loan) readiness. Every figure is a query over the real tables."""
