const data = await fetch('./data.json').then((r) => r.json());
document.getElementById('status').textContent = `module ran, fetched ${data.answer}, ${location.protocol}`;
