"""What every request passes through: client identity, rate limits, body limits, CORS and security headers."""
