# Renders Templates/examples/typesetting.yaml's labels with matplotlib and real LaTeX, to compare Vellum
# against by eye. A development aid only: Vellum never runs Python or TeX, and no test needs this.
# Needs matplotlib and a TeX install (texlive-latex-extra, dvipng, cm-super-minimal):
#   python3 scripts/typesetting_reference.py Templates/examples/typesetting.csv /tmp/typesetting_usetex.png
import sys
import matplotlib; matplotlib.use("Agg")
import matplotlib.pyplot as plt, csv
plt.rcParams.update({"text.usetex": True, "font.family": "serif", "text.latex.preamble": r"\usepackage{amsmath,amssymb}"})
rows=list(csv.DictReader(open(sys.argv[1])))
x=[float(r["step"]) for r in rows]; g=lambda k:[float(r[k]) for r in rows]
fig,ax=plt.subplots(figsize=(6.5,4.6))
o=g("ours"); s=g("spread")
ax.fill_between(x,[a-b for a,b in zip(o,s)],[a+b for a,b in zip(o,s)],color="#2CA02C",alpha=0.18,label=r'$\mu \pm 2\sigma$: under\_score, 50\%, \#3, \{set\}, $\Gamma\Delta\Lambda\Sigma\Psi$')
ax.plot(x,o,color="#2CA02C",lw=2,label=r'\textbf{Ours}: $\eta_t = \eta_0 / \sqrt{t + 1}$, $\hat{\theta} = \arg\min_{\theta} \mathbb{E}[\ell]$')
ax.plot(x,g("baseline"),color="#1F77B4",lw=2,ls="--",label=r'$\alpha = 0.1$, $\beta_{1}^{2} \leq 0.9$, $\lambda \approx 10^{-2}$, $\varepsilon \neq 0$')
ax.plot(x,g("adam"),color="#D62728",lw=1.5,ls=":",label=r'$\mathbf{W} \in \mathbb{R}^{d \times k}$, $\bar{x} \sim \tilde{y}$, $\vec{v} \cdot \nabla f \propto \partial_i$')
ax.axhline(2.05,color="#7F7F7F",lw=1.2,ls=(0,(1,2)),label=r'$\sum_{i=1}^{n} w_i \times \prod_k \int_0^\infty e^{-x}\,dx \geq \sqrt[3]{\pi} \mp \max\;\exp \quad \mathsf{A}\mathtt{B}\mathit{C}$')
ax.set_title(r"\textbf{Loss} $\mathcal{L}_{\mathrm{val}}$ of \emph{warm-up} vs.\ \textsf{cosine} \& \texttt{const} --- 2--4 ``runs''",fontsize=13,pad=7)
ax.set_xlabel(r'Step $t \in [0, T]$, tokens ($\times 10^{9}$), $t \to \infty \Rightarrow \eta_t \downarrow$',fontsize=12)
ax.set_ylabel(r'$\log_{2}\!\left(\frac{1}{p_\theta(y \,|\, x)}\right)$ (\%~of $\Omega$)',fontsize=12)
ax.set_xlim(0,1); ax.set_ylim(1.9,4.0)
ax.set_xticks([0,.25,.5,.75,1],[r'$0$', r'$\frac{T}{4}$', r'$\frac{T}{2}$', r'$\frac{3T}{4}$', r'$T$'])
ax.set_yticks([2,2.5,3,3.5,4],[r'$2$', r'$2\frac{1}{2}$', r'$3$', r'$\sqrt{12.25}$', r'$2^{2}$'])
for sp in ax.spines.values(): sp.set_linewidth(1.0)
ax.tick_params(direction="in",length=4,width=0.8,labelsize=11)
ax.legend(loc="upper right",frameon=False,fontsize=10,handlelength=2.2,labelspacing=0.45)
fig.tight_layout(pad=0.9); fig.savefig(sys.argv[2],dpi=300,facecolor="white")
